"""`petloc evaluate` of the folder a model without a training list was trained on says so (its figures include
training images) when DATA is that folder under another spelling the disk holds as it (`cli.evaluate_trained_on`,
`core.disk_same`). macOS' `Path.resolve` keeps the case typed, and the resolved paths compared as text made
``~/PETS`` another folder than the recorded ``~/pets``: "cannot tell which of these images the model trained on"
instead. A case-sensitive disk's ``Pets/`` beside ``pets/`` is another folder."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from petloc_gui.cli.evaluate_trained_on import trained_on_count
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture

TRAINED_HERE = "DATA is the folder this model was trained on"


def _said(capsys, recorded: str | Path, data: Path) -> str:
    """stderr of the count for a bundle from before the recorded splits, trained on ``recorded``."""
    count, record = trained_on_count([], {"training_data": {"root": str(recorded)}}, data)
    assert count is None and record.startswith("none: ")
    return capsys.readouterr().err


def test_the_folder_typed_in_another_case_or_form_is_the_folder(tmp_path, capsys, realpath_keeps_the_spelling):
    pets = tmp_path / "pets"
    pets.mkdir()
    assert TRAINED_HERE in _said(capsys, pets, alias(pets, "PETS"))
    assert TRAINED_HERE in _said(capsys, tmp_path / "PETS", pets)
    cafe = tmp_path / unicodedata.normalize("NFD", "Café")  # as Finder names it
    cafe.mkdir()
    assert TRAINED_HERE in _said(capsys, cafe, alias(cafe, unicodedata.normalize("NFC", "CAFÉ")))
    assert TRAINED_HERE not in _said(capsys, tmp_path / "PETS2", pets)


def test_another_folder_of_a_case_sensitive_disk(tmp_path, capsys):
    (tmp_path / "pets").mkdir()
    (tmp_path / "Pets").mkdir()
    assert "cannot tell which of these images" in _said(capsys, tmp_path / "Pets", tmp_path / "pets")
    assert TRAINED_HERE not in _said(capsys, tmp_path / "PETS", tmp_path / "pets")  # no such folder here
    assert TRAINED_HERE in _said(capsys, tmp_path / "pets", tmp_path / "pets")


def test_a_recorded_folder_that_cannot_be_resolved_is_another_folder(tmp_path, capsys):
    # meta.json's root is any string: a NUL in it said "cannot tell", not a ValueError out of petloc evaluate
    assert "cannot tell which of these images" in _said(capsys, f"{tmp_path}/a\x00b", tmp_path)


def test_evaluate_trained_on_on_a_case_insensitive_disk(caseless_dir, capsys):  # noqa: F811 - the fixture
    pets = caseless_dir / "pets"
    pets.mkdir()
    assert TRAINED_HERE in _said(capsys, pets, caseless_dir / "PETS")
