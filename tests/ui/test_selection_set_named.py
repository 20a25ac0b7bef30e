"""A run with a single validation image records figures on the image that also chose its epoch (meta.json
"metrics" "split": model.training.SELECTION_ONLY). `petloc models` names them "selection-set"; Model →
Versions said "1 validation image" for the same version. One rule now (app.model_metrics.shown_split)."""

from __future__ import annotations

import json

from petloc_gui.app.model_metrics import SELECTION_SPLIT, chose_epoch, shown_split
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file


def _version(store: VersionStore, name: str, training_split: str) -> None:
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["3"],
                                                  "input_size": [32, 32]}), encoding="utf-8")
    record = {"created": "2026-12-01T10:00:00", "metrics": {"accuracy": 1.0, "mean_iou": 0.7, "n_images": 1},
              "extra": {"training_metrics": {"split": training_split, "n_images": 1}}}
    (folder / "version.json").write_text(json.dumps(record), encoding="utf-8")
    add_model_file(folder)


def test_the_versions_menu_names_a_selection_set_as_petloc_models_does(qtbot, tmp_path):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    _version(store, "one", "selection set (these images chose the epoch; there were no other held-out images)")
    _version(store, "held", "validation (report part)")
    entries = {a.data(): a.text() for a in VersionsMenu(store, lambda: "digits").version_actions()}
    assert "on 1 selection-set image" in entries["one"]
    assert "on 1 validation image" in entries["held"]


def test_the_rule_follows_what_training_writes():
    from petloc_gui.model.training import SELECTION_ONLY  # the text a run with one validation image records

    assert SELECTION_ONLY.startswith(SELECTION_SPLIT)
    assert chose_epoch({"split": SELECTION_ONLY}) is True and chose_epoch({}, {"split": "validation"}) is False
    assert chose_epoch(None, {}) is None
    assert shown_split("test", {"split": SELECTION_ONLY}) == "test"  # test figures never chose an epoch


def test_the_status_bar_names_a_selection_set_too(tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_handle import model_info

    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path))
    store = VersionStore()
    _version(store, "one", "selection set (these images chose the epoch; there were no other held-out images)")
    _version(store, "held", "validation (report part)")
    assert "on 1 selection-set image" in model_info(str(store.root / "digits" / "one")).summary
    assert "on 1 validation image" in model_info(str(store.root / "digits" / "held")).summary
