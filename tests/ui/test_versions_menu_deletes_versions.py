"""Model → Versions → Delete versions… deletes the versions checked, through Discard's checks.

Versions retrained daily piled up with no way to delete one from the window (the menu only picked one or opened
the versions folder): deleting a folder by hand took the model in use or one a folder remembers with it.
"""

from __future__ import annotations

import json
import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def _delete_entry(menu):
    return next(a for a in menu.actions() if a.text() == "De&lete versions…")


def test_an_unused_version_is_deleted_and_gone_from_the_menu_the_loaded_one_cannot_be(qtbot):
    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    unused, loaded = _version(store), _version(store)
    menu = VersionsMenu(store, lambda: str(loaded.path))
    assert {a.data() for a in menu.version_actions()} == {unused.id, loaded.id}
    seen: dict = {}

    def check_and_delete():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DeleteVersionsDialog)
        item = dialog.item_of(loaded.id)
        seen["loaded"] = (bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable), item.text())
        seen["button before"] = dialog.delete_button.isEnabled()
        dialog.item_of(unused.id).setCheckState(Qt.CheckState.Checked)
        dialog.delete_button.click()
        seen["said"] = dialog.said.text()
        seen["listed after"] = [dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
                                for row in range(dialog.list.count())]
        dialog.reject()

    QTimer.singleShot(0, check_and_delete)
    _delete_entry(menu).trigger()

    assert seen["loaded"][0] is False and "this window uses it as its model" in seen["loaded"][1]
    assert seen["button before"] is False  # nothing checked: nothing to delete
    assert seen["said"].startswith(f"Deleted digits/{unused.id} (") and "freed" in seen["said"]
    assert seen["listed after"] == [str(loaded.path)]
    assert not unused.path.exists() and [v.id for v in VersionStore().list()] == [loaded.id]
    assert [a.data() for a in menu.version_actions()] == [loaded.id]  # the menu listed again


def test_a_version_in_use_since_the_list_was_made_is_kept_and_said(qtbot, tmp_path):
    from petloc_gui.core import in_use_marks
    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog

    store = VersionStore()
    version, remembered = _version(store), _version(store)
    folder = tmp_path / "photos"
    folder.mkdir()
    FolderMemory().remember(folder, str(remembered.path))
    dialog = DeleteVersionsDialog(store, lambda: "digits")
    qtbot.addWidget(dialog)
    assert not dialog.item_of(remembered.id).flags() & Qt.ItemFlag.ItemIsEnabled  # greyed: a folder uses it
    assert f"the folder {os.path.realpath(folder)} uses it as its model" in dialog.item_of(remembered.id).text()

    dialog.item_of(version.id).setCheckState(Qt.CheckState.Checked)
    mark = in_use_marks.mark(version.path)  # this window loads it after the list was made
    try:
        dialog.delete_button.click()
    finally:
        in_use_marks.unmark(mark)

    assert version.path.is_dir() and remembered.path.is_dir()
    assert f"Kept digits/{version.id}: this window still has it loaded" in dialog.said.text()
    assert "pick another model in the window that has it loaded" in dialog.said.text()


def test_the_menu_entry_has_a_key_no_version_takes(qtbot):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore()
    for _ in range(21):  # past 1 … 9, 0: the versions take letters
        _version(store)
    menu = VersionsMenu(store, lambda: "digits")
    keys = [a.text().split("&", 1)[1][0].lower() for a in menu.actions() if "&" in a.text()]
    assert _delete_entry(menu) is menu.actions()[-1]  # after Open the versions folder
    assert keys.count("l") == 1 and len(keys) == len(set(keys))  # Alt+M, V, L opens it, never a version
