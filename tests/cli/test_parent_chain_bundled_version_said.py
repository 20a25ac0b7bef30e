"""A chain that breaks at a bundled model installed as another version than the one recorded says so in
every sentence that names the break: `petloc evaluate`'s (its model's chain; its accepted boxes'), and a
fine-tune's (`petloc train --init-from`: its warning before the run and its meta.json's
training_data.lineage_incomplete, which name the break up from the model the run starts from).

Before, each said "digits is not found" although the bundled digits model was there, another version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli.evaluate_trained_on import trained_on_count
from petloc_gui.model.collected_folder import STARTS_FROM, incomplete_lineage_warning
from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.training_record import lineage_of
from tests.model_files import write_meta

RECORDED, INSTALLED = "digits-20260101T000000Z-aaaaaa", "digits-20261205T000000Z-bbbbbb"
SAID = f"is installed as version {INSTALLED}, not the recorded {RECORDED}"


def _install_bundled_digits(tmp_path: Path, monkeypatch, version: str | None) -> None:
    resources = tmp_path / "res"
    write_meta(resources / "models" / "digits", {"preset": "digits", "parent": None,
                                                 **({"version_id": version} if version else {})})
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))


def _fine_tune_of_recorded(tmp_path: Path) -> tuple[dict, Path]:
    """runs/V1, fine-tuned from the bundled digits RECORDED, trained on mine.png."""
    folder = tmp_path / "runs" / "V1"
    meta = write_meta(folder, {"version_id": "V1", "preset": "digits", "parent": "digits",
                               "parent_version_id": RECORDED, "splits": {"train": ["mine.png"]},
                               "images": {"mine.png": {"sha256": "h_mine"}}})
    return meta, folder


@pytest.fixture
def v1(tmp_path, monkeypatch) -> tuple[dict, Path]:
    _install_bundled_digits(tmp_path, monkeypatch, INSTALLED)
    return _fine_tune_of_recorded(tmp_path)


def test_evaluate_says_its_parent_is_another_version(v1, tmp_path, capsys):
    meta, folder = v1
    image = tmp_path / "data" / "x.png"
    image.parent.mkdir()
    image.write_bytes(b"not the training image")
    count, record = trained_on_count([image], meta, image.parent, lineage=lineage_of(meta, located=folder))
    err = capsys.readouterr().err
    assert count == 0 and record == f"incomplete: its parent model digits {SAID}"
    assert (f"the record of the images this model learned from is incomplete (its parent model digits {SAID})"
            in err)
    assert "not found" not in err
    # its accepted boxes' sentences (`petloc evaluate`'s and the retrain comparison's)
    assert ancestry_of(meta, located=folder).missing == (
        f"the chain of models it was fine-tuned from breaks at digits, which {SAID}")


def test_a_fine_tune_s_warning_names_the_version_up_from_the_model_it_starts_from(v1):
    meta, folder = v1
    why = lineage_of(meta, located=folder, walked=STARTS_FROM).why_incomplete
    assert why == f"digits {SAID}: the parent of V1, {STARTS_FROM}"
    assert f"incomplete (digits {SAID}: the parent of V1" in incomplete_lineage_warning(why)


@pytest.mark.usefixtures("v1")
def test_two_fine_tunes_up_the_run_names_its_place(tmp_path):
    runs = tmp_path / "runs"
    meta = write_meta(runs / "V2", {"version_id": "V2", "preset": "digits", "parent": "V1",
                                    "parent_version_id": "V1", "splits": {"train": ["b.png"]}})
    assert lineage_of(meta, located=runs / "V2", walked=STARTS_FROM).why_incomplete == (
        f"digits {SAID}: the parent of V1, which is the parent of V2, {STARTS_FROM}")
    assert lineage_of(meta, located=runs / "V2").why_incomplete == f"its parent's parent digits {SAID}"


def test_a_bundled_model_with_no_version_id_is_said_to_be_one(tmp_path, monkeypatch):
    _install_bundled_digits(tmp_path, monkeypatch, None)
    meta, folder = _fine_tune_of_recorded(tmp_path)
    assert lineage_of(meta, located=folder).why_incomplete == (
        f"its parent model digits is installed as a version with no version id, not the recorded {RECORDED}")


def test_a_bundled_model_not_installed_at_all_is_not_found(tmp_path, monkeypatch):
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(tmp_path / "empty"))
    meta, folder = _fine_tune_of_recorded(tmp_path)
    assert lineage_of(meta, located=folder).why_incomplete == "its parent model digits is not found"
