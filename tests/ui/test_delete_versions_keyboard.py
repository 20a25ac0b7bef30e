"""Delete versions… by the keyboard: Space checks a row, Tab goes to "Delete checked", Enter never closes.

Tab from the list went to Close (the button box made Close first, "Delete checked" added after it: the focus
chain follows creation order), so Space, Tab, Space closed the dialog with nothing deleted and nothing said;
Enter with a row checked closed it too, the check silently dropped.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def _dialog(qtbot):
    from petloc_gui.ui.models.delete_versions_dialog import DeleteVersionsDialog

    store = VersionStore()
    version = _version(store)
    dialog = DeleteVersionsDialog(store, lambda: "digits")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.list.setFocus()
    QApplication.processEvents()
    return dialog, version


def test_tab_from_the_list_with_a_row_checked_goes_to_delete_then_close(qtbot):
    dialog, version = _dialog(qtbot)
    QTest.keyClick(dialog.list, Qt.Key.Key_Space)  # checks the row selected
    assert dialog.checked_folders() == [version.path]

    QTest.keyClick(dialog.list, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.delete_button
    QTest.keyClick(dialog.delete_button, Qt.Key.Key_Tab)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert QApplication.focusWidget() is close

    QTest.keyClick(close, Qt.Key.Key_Backtab)
    QTest.keyClick(dialog.delete_button, Qt.Key.Key_Space)
    assert not version.path.exists() and f"Deleted digits/{version.id}" in dialog.said.text()


def test_enter_in_the_list_toggles_the_check_and_deletes_nothing(qtbot):
    dialog, version = _dialog(qtbot)
    QTest.keyClick(dialog.list, Qt.Key.Key_Space)

    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.checked_folders() == []  # unchecked, not closed
    QTest.keyClick(dialog.list, Qt.Key.Key_Enter)
    assert dialog.isVisible() and dialog.checked_folders() == [version.path]
    assert version.path.is_dir()  # Enter alone deletes nothing
