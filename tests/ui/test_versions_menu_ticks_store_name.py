"""Model → Versions left the model in use unticked when it was given as `--model digits/<id>` (the name --help,
the README and `petloc models` give) and petloc was started anywhere but in the store's folder: the menu took the
name for a path relative to the working directory, where the window had found it in the store. The in-use
entry's cautions (re-boxed since its run) were lost with it."""

from __future__ import annotations

import json

from petloc_gui.core.paths import user_data_dir
from petloc_gui.model.trained_here import TrainedHere
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file

ID = "digits-20261205T100740Z-b9ae34"
METRICS = {"n_images": 21, "accuracy": 1.0, "mean_iou": 0.9271, "split": "validation"}


def _store() -> VersionStore:
    """One digits version in the store `petloc` uses (PETLOC_DATA_DIR: the tests' own)."""
    store = VersionStore(user_data_dir() / "models")
    folder = store.root / "digits" / ID
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32],
            "metrics": METRICS}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(folder)
    return store


def _entry(menu):
    return next(action for action in menu.version_actions() if action.data() == ID)


def test_the_version_named_as_the_store_names_it_is_ticked_from_any_folder(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = _store()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # not the store's folder: "digits/<id>" is no path here
    menu = VersionsMenu(store, lambda: f"digits/{ID}")
    assert _entry(menu).isChecked()
    assert not any(action.isChecked() for action in menu.bundled_actions())
    monkeypatch.chdir(store.root)  # where it was ticked already
    menu.rebuild()
    assert _entry(menu).isChecked()


def test_the_entry_of_the_version_named_so_says_its_reboxed_image(qtbot, tmp_path, monkeypatch):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = _store()
    monkeypatch.chdir(tmp_path)
    # the window's check of it against the open folder: 1 of the 21 validation images re-boxed since its run
    found = TrainedHere(images=21, count=0, measured=21, measured_found=21, measured_here=21, reboxed=1)
    menu = VersionsMenu(store, lambda: f"digits/{ID}", in_use_found=lambda: found)
    assert "re-boxed" in _entry(menu).text()
