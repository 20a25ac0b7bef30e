"""`petloc models --json`: every row carries every documented key (null where unknown), and a bundle
copied straight into the store is filled from its own records (no TensorFlow: records only)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file

DOCUMENTED = {"name", "kind", "path", "preset", "classes", "data_folder", "data_fingerprint", "metrics", "split",
              "chose_epoch", "reboxed_since", "reboxed_of", "reboxed_folder",
              "reboxed_by_bytes", "reboxed_unannotated"}
TRAINED = DOCUMENTED | {"parent", "parent_recorded", "created", "basis"}
REPORT = "validation (report part: did not choose the epoch)"
SELECTION_ONLY = "selection set (these images chose the epoch; there were no other held-out images)"


def _bundle(folder: Path, split: str = REPORT, accuracy: float = 0.5) -> Path:
    """A trained digits bundle as `petloc train` writes it (meta.json only, no version.json)."""
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
        "created": "2026-11-23T12:00:00+00:00", "parent": None,
        "metrics": {"n_images": 12, "accuracy": accuracy, "mean_iou": 0.25, "split": split}}), encoding="utf-8")
    return add_model_file(folder)


def _rows(capsys) -> dict[str, dict]:
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return {row["name"]: row for row in json_lines(out)}


def test_a_bundle_copied_straight_into_the_store_is_read_as_its_version_would_be(capsys, _isolated_user_data):
    store = _isolated_user_data / "models"
    _bundle(store / "digits" / "v1")
    _bundle(store / "copied", split=SELECTION_ONLY, accuracy=0.75)
    rows = _rows(capsys)
    row, placed = rows["copied"], rows["digits/v1"]
    assert set(row) == TRAINED | {"warning"} and set(placed) == TRAINED
    assert row["path"] == str(store / "copied") and "move it into its preset's folder" in row["warning"]
    assert row["preset"] == "digits"  # meta.json's, not the folder's (there is none)
    assert row["metrics"] == {"n_images": 12, "accuracy": 0.75, "mean_iou": 0.25}
    assert row["split"] == "validation" and row["chose_epoch"] is True
    assert row["created"] == placed["created"] == "2026-11-23T12:00:00+00:00" and row["parent"] is None
    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("copied "))
    assert code == 0 and "digits" in line and "0.750" in line and "12 selection-set images" in line


def test_a_copied_bundle_s_version_record_gives_its_figures(capsys, _isolated_user_data):
    folder = _bundle(_isolated_user_data / "models" / "copied")
    (folder / "version.json").write_text(json.dumps({
        "id": "x", "preset": "digits", "parent": "pets", "created": "2026-11-24T08:00:00+00:00",
        "metrics": {"n_images": 12, "accuracy": 0.625}, "extra": {}}), encoding="utf-8")
    row = _rows(capsys)["copied"]
    assert row["metrics"] == {"n_images": 12, "accuracy": 0.625} and row["parent"] == "pets"
    assert row["created"] == "2026-11-24T08:00:00+00:00" and row["preset"] == "digits"


def test_a_copied_bundle_whose_records_cannot_be_read_has_every_key_null(capsys, _isolated_user_data):
    folder = _bundle(_isolated_user_data / "models" / "copied")
    (folder / "version.json").write_text("{not json", encoding="utf-8")
    row = _rows(capsys)["copied"]
    assert set(row) == TRAINED | {"warning"} and row["path"] == str(folder)
    assert row["metrics"] == {"n_images": 12, "accuracy": 0.5, "mean_iou": 0.25}  # the run's own, as a stored one's
    assert row["chose_epoch"] is False and row["created"] == "2026-11-23T12:00:00+00:00"
    assert row["preset"] == "digits" and "version.json cannot be read" in row["warning"]
    (folder / "meta.json").write_text("{not json", encoding="utf-8")
    row = _rows(capsys)["copied"]
    assert set(row) == TRAINED | {"warning", "error"} and row["preset"] is None
    assert row["path"] is None and "meta.json cannot be read" in row["error"]


def test_a_copied_bundle_without_a_usable_model_file_is_unavailable(capsys, _isolated_user_data):
    folder = _bundle(_isolated_user_data / "models" / "copied")
    (folder / "model.keras").write_bytes(b"")
    row = _rows(capsys)["copied"]
    assert row["path"] is None and row["error"].startswith(f"{folder}: ") and row["preset"] == "digits"


def test_an_unreadable_version_and_a_missing_bundled_model_still_carry_every_key(capsys, _isolated_user_data,
                                                                                 monkeypatch):
    from petloc_gui.model import bundle

    broken = _isolated_user_data / "models" / "digits" / "broken"
    broken.mkdir(parents=True)
    (broken / "meta.json").write_text("[]", encoding="utf-8")
    real = bundle.resolve_model

    def without_pets(spec):
        if spec == "pets":
            raise bundle.BundleError("no model bundle here (folder does not exist)", Path("gone"))
        return real(spec)

    monkeypatch.setattr(bundle, "resolve_model", without_pets)
    rows = _rows(capsys)
    assert set(rows["pets"]) == DOCUMENTED | {"error"} and rows["pets"]["metrics"] is None
    assert set(rows["digits/broken"]) == TRAINED | {"error"} and rows["digits/broken"]["path"] is None
