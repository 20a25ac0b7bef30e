"""A parent named by a bundled name ("digits") is the bundled model only while that is the version the child
records (its "parent_version_id"); when it is another, the break says so, never "not found".

Before, any bundled-name folder was taken: after a release replaced the bundled digits (digits-A by
digits-B), a model fine-tuned from digits-A was walked as complete, with digits-B's training images. Then
the break said "digits is not found", and people looked for a model they had, just another version of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.parent_chain import parent_chain
from petloc_gui.model.training_record import lineage_of
from tests.model_files import write_meta


def _trained_on(path: str) -> dict:
    return {"splits": {"train": [path], "validation": [], "test": []}, "images": {path: {"sha256": "h_" + path}}}


@pytest.fixture
def bundled_digits_b(tmp_path, monkeypatch):
    """The bundled digits of a later release: digits-B, trained on new_only.png."""
    resources = tmp_path / "res"
    write_meta(resources / "models" / "digits", {"version_id": "digits-B", "preset": "digits", "parent": None,
                                             **_trained_on("new_only.png")})
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))


def _child(tmp_path: Path, parent_version: str | None) -> tuple[dict, Path]:
    folder = tmp_path / "runs" / "V1"
    meta = write_meta(folder, {"version_id": "V1", "preset": "digits", "parent": "digits",
                           "parent_version_id": parent_version, **_trained_on("mine.png")})
    return meta, folder


def test_a_fine_tune_of_an_earlier_bundled_version_breaks_its_chain_and_says_so(bundled_digits_b, tmp_path):
    meta, folder = _child(tmp_path, "digits-A")
    chain = parent_chain(meta, folder)
    assert chain.found == () and chain.broken_at == "digits"
    lineage = lineage_of(meta, located=folder)
    assert not lineage.complete
    assert lineage.why_incomplete == ("its parent model digits is installed as version digits-B, "
                                      "not the recorded digits-A")
    assert lineage.match("new_only.png", "h_new_only.png") is None  # digits-B's images are not V1's ancestors'
    assert ancestry_of(meta, located=folder).missing.endswith(
        "breaks at digits, which is installed as version digits-B, not the recorded digits-A")


def test_a_fine_tune_of_the_bundled_version_installed_walks_it(bundled_digits_b, tmp_path):
    meta, folder = _child(tmp_path, "digits-B")
    (name, ancestor), = parent_chain(meta, folder).found
    assert (name, ancestor.version_id) == ("digits", "digits-B")
    assert lineage_of(meta, located=folder).complete


def test_an_ancestor_s_recorded_bundled_version_is_checked_too(bundled_digits_b, tmp_path):
    """V0 fine-tuned from digits-A; V1 from V0: the walk breaks at digits, past V0."""
    runs = tmp_path / "runs"
    write_meta(runs / "V0", {"version_id": "V0", "preset": "digits", "parent": "digits",
                             "parent_version_id": "digits-A"})
    meta = write_meta(runs / "V1", {"version_id": "V1", "preset": "digits", "parent": "V0", "parent_version_id": "V0"})
    chain = parent_chain(meta, runs / "V1")
    assert [name for name, _ in chain.found] == ["V0"] and chain.broken_at == "digits"
    assert chain.other == "the bundled digits model installed is version digits-B, not the recorded digits-A"
    assert chain.installed == ("digits-B", "digits-A")
    assert lineage_of(meta, located=runs / "V1").why_incomplete == (
        "its parent's parent digits is installed as version digits-B, not the recorded digits-A")
