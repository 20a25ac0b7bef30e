"""The status line says what W did to draw mode, each way: after Escape had left draw mode ("Draw mode
off…"), W turned it on again and the status line went on saying it was off for up to 5 s."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.edit_actions import DRAW_MODE_LEFT, DRAW_MODE_ON

from .conftest import open_and_wait


def test_w_after_escape_says_draw_mode_is_on(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no box
    window.focus_canvas()
    canvas = window.panel.gt_pane
    qtbot.waitUntil(canvas.hasFocus, timeout=2000)
    said = window.statusBar().currentMessage
    for key, on, words in ((Qt.Key_W, True, DRAW_MODE_ON), (Qt.Key_Escape, False, DRAW_MODE_LEFT),
                           (Qt.Key_W, True, DRAW_MODE_ON), (Qt.Key_W, False, DRAW_MODE_LEFT),
                           (Qt.Key_W, True, DRAW_MODE_ON)):
        qtbot.keyClick(canvas, key)
        assert canvas.draw_mode is on and window.act["draw_mode"].isChecked() is on
        assert said() == words, (key, on)
