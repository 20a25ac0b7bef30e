"""Escape leaves draw mode from the prediction pane too. A click on the prediction pane gives it the keyboard,
and W turns draw mode on there ("… (Escape leaves it)"), but Escape was a key of the ground-truth pane only:
pressed on the prediction pane it did nothing, and the next drag on the image drew a box where the user meant
to move one. (A box is dragged out or moved only on the ground-truth pane: leaving draw mode is what Escape
does from the other.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.edit_actions import DRAW_MODE_LEFT, DRAW_MODE_ON

from .conftest import open_and_wait


def _prediction_pane_focused(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: one box, and a prediction
    pane = window.panel.pred_pane
    pane.setFocus(Qt.MouseFocusReason)  # as a click on it gives it (ClickFocus)
    qtbot.waitUntil(pane.hasFocus, timeout=2000)
    return pane


def test_w_then_escape_on_the_prediction_pane_leaves_draw_mode(qtbot, window, folder):
    pane = _prediction_pane_focused(qtbot, window, folder)
    doc = window.session.store.document(2)
    qtbot.keyClick(pane, Qt.Key_W)
    assert window.act["draw_mode"].isChecked() and window.panel.gt_pane.draw_mode
    assert window.statusBar().currentMessage() == DRAW_MODE_ON
    assert window.act["leave_draw_mode"].isEnabled()
    qtbot.keyClick(pane, Qt.Key_Escape)
    assert not window.act["draw_mode"].isChecked() and not window.panel.gt_pane.draw_mode
    assert window.statusBar().currentMessage() == DRAW_MODE_LEFT
    assert not window.act["leave_draw_mode"].isEnabled()
    assert pane.hasFocus() and len(doc.objects) == 1 and not doc.dirty


def test_escape_on_the_prediction_pane_with_nothing_to_leave_changes_nothing(qtbot, window, folder):
    pane = _prediction_pane_focused(qtbot, window, folder)
    doc = window.session.store.document(2)
    window.statusBar().clearMessage()
    qtbot.keyClick(pane, Qt.Key_Escape)
    assert not window.act["draw_mode"].isChecked() and window.statusBar().currentMessage() == ""
    assert window.session.current == 2 and len(doc.objects) == 1 and not doc.dirty
