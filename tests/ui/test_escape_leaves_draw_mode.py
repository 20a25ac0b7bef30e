"""Escape on the image leaves draw mode and drops a box being dragged out: it was no key's, so W, Escape,
Enter still put a new box in the middle of the view, and a drag begun by mistake could only be finished.
In the search box Escape still ends the typing (the image keeps its draw mode)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait
from .test_canvas_mouse import _send


def _on_image_without_box(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no box
    window.focus_canvas()
    canvas = window.panel.gt_pane
    qtbot.waitUntil(canvas.hasFocus, timeout=2000)
    return canvas, window.session.store.document(3)


def test_w_escape_enter_places_no_box(qtbot, window, folder):
    canvas, doc = _on_image_without_box(qtbot, window, folder)
    qtbot.keyClick(canvas, Qt.Key_W)
    assert window.act["draw_mode"].isChecked() and canvas.draw_mode
    qtbot.keyClick(canvas, Qt.Key_Escape)
    assert not window.act["draw_mode"].isChecked() and not canvas.draw_mode
    qtbot.keyClick(canvas, Qt.Key_Return)
    assert doc.objects == [] and not doc.dirty
    assert not window.act["leave_draw_mode"].isEnabled()  # nothing to leave: the menu entry says so


def test_escape_drops_the_box_being_dragged_out(qtbot, window, folder):
    canvas, doc = _on_image_without_box(qtbot, window, folder)
    for draw_mode in (True, False):  # in draw mode (W), and a drag on empty space
        window.act["draw_mode"].setChecked(draw_mode)
        _send(canvas, QEvent.MouseButtonPress, (20, 20))
        _send(canvas, QEvent.MouseMove, (40, 35))
        _send(canvas, QEvent.MouseMove, (60, 50))
        qtbot.keyClick(canvas, Qt.Key_Escape)
        _send(canvas, QEvent.MouseMove, (70, 60))
        _send(canvas, QEvent.MouseButtonRelease, (70, 60))
        assert doc.objects == [] and not doc.dirty, draw_mode
        assert not window.act["draw_mode"].isChecked()
        assert "dropped" in window.statusBar().currentMessage()
    # the next drag draws as ever
    _send(canvas, QEvent.MouseButtonPress, (20, 20))
    _send(canvas, QEvent.MouseMove, (60, 50))
    _send(canvas, QEvent.MouseButtonRelease, (60, 50))
    assert len(doc.objects) == 1


def test_escape_in_the_search_box_is_the_search_boxs(qtbot, window, folder):
    canvas, _doc = _on_image_without_box(qtbot, window, folder)
    qtbot.keyClick(canvas, Qt.Key_W)
    window.file_dock.focus_search()
    qtbot.waitUntil(window.file_dock.search.hasFocus, timeout=2000)
    qtbot.keyClick(window.file_dock.search, Qt.Key_Escape)
    qtbot.waitUntil(canvas.hasFocus, timeout=2000)  # the typing ended: the keyboard is back on the image
    assert window.act["draw_mode"].isChecked()
