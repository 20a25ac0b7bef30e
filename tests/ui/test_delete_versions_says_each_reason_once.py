"""Delete versions…: a greyed row says each reason once, and names a folder that remembers it as that folder.

The window's own model read "this window uses it as its model: pick another ... first; ... this window still
has it loaded" (its own mark said again), a new model waiting for Use or Discard "its Retraining window asks Use
or Discard for it: choose there; this window's Retraining window still asks Use or Discard for it", and a
version another folder remembers "this folder uses it as its model ... /…/dig2", with no way out in the row.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import Qt

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.core import in_use_marks
from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, decided: bool = True):
    staging = store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset="digits")), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging, decided=decided)


def _dialog(qtbot, store, current: str, undecided: str | None = None):
    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog

    dialog = DeleteVersionsDialog(store, lambda: current, undecided=lambda: undecided)
    qtbot.addWidget(dialog)
    return dialog


def test_the_windows_own_model_says_this_window_once(qtbot):
    store = VersionStore()
    version = _version(store)
    mark = in_use_marks.mark(version.path)  # as this window marks the version it has loaded
    try:
        text = _dialog(qtbot, store, str(version.path)).item_of(version.path).text()
    finally:
        in_use_marks.unmark(mark)

    assert text.count("this window") == 1, text
    assert "this window uses it as its model" in text


def test_another_window_of_another_process_is_still_said_beside_this_one(qtbot, monkeypatch):
    store = VersionStore()
    version = _version(store)
    monkeypatch.setattr(in_use_marks, "users", lambda _folder: ["petloc-otherhost-4242"])  # another machine's

    text = _dialog(qtbot, store, str(version.path)).item_of(version.path).text()

    assert "this window uses it" in text and "another petloc window has it loaded" in text


def test_a_new_model_waiting_for_use_or_discard_says_its_retraining_window_once(qtbot):
    store = VersionStore()
    version = _version(store, decided=False)  # this process's Retraining window asks for it

    text = _dialog(qtbot, store, "digits", undecided=version.id).item_of(version.path).text()

    assert text.count("Retraining window") == 1, text


def test_a_version_another_folder_remembers_names_that_folder_and_the_way_out(qtbot, tmp_path):
    store = VersionStore()
    version = _version(store)
    folder = tmp_path / "dig2"
    folder.mkdir()
    FolderMemory().remember(folder, str(version.path))

    item = _dialog(qtbot, store, "digits").item_of(version.path)

    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "this folder" not in item.text()
    assert f"the folder {os.path.realpath(folder)} uses it as its model" in item.text()
    assert "to delete it, open that folder in petloc-gui and pick another model" in item.text()
