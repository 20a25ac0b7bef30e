"""A dialog the window shows is deleted once closed (`ui/modal.py`): one more was left behind on
every Ctrl+L, F1, Retrain… and question about a file changed on disk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QMessageBox

from .conftest import open_and_wait


def test_the_windows_dialogs_are_deleted_once_closed(qtbot, window, folder, monkeypatch):
    from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
    from petloc_gui.ui.help_dialog import HelpDialog
    from petloc_gui.ui.training.retrain_controller import install_retraining
    from petloc_gui.ui.training.retrain_dialog import RetrainDialog

    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    shown = []
    for kind in (ClassListDialog, HelpDialog, RetrainDialog, QMessageBox):
        monkeypatch.setattr(kind, "exec", lambda self: shown.append(type(self).__name__) or 0)
    window.act["classes"].trigger()
    window.act["help"].trigger()
    controller.open_dialog()
    window.show_row(0)
    assert window.guard.ask_conflict(window.session.store.loaded(0)) == "cancel"
    assert sorted(shown) == ["ClassListDialog", "HelpDialog", "QMessageBox", "RetrainDialog"]
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert not window.findChildren(QDialog)
    controller.shutdown()
