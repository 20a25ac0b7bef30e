"""Edit → Classes…'s dialog keeps QDialog.result() and QWidget.actions(): its result line and its
class actions were attributes named ``result`` and ``actions``, which hid both methods (a caller asking
the dialog how it was closed, or for its actions, got a QLabel or the folder's class editor instead)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from .class_list_standins import EditedClasses, shown_class_list


def test_result_and_actions_are_still_qts(qtbot):
    dialog = shown_class_list(qtbot, EditedClasses(["cat", "dog"]))
    dialog.add("bird")
    assert dialog.result_line.text() == "Added bird."  # the line under the list, under its own name
    assert dialog.class_actions.names() == ["cat", "dog", "bird"]
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    extra = QAction("extra", dialog)
    dialog.addAction(extra)
    assert dialog.actions() == [extra]
