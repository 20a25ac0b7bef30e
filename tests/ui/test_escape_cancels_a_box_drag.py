"""Escape while a box is being moved or resized by the mouse puts it back where the drag began: the drag
ends, its release edits nothing and leaves no undo step. Escape left draw mode and dropped a box being
dragged out (test_escape_leaves_draw_mode.py), but a box moved or resized by mistake could only be let go
where it was and undone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.edit_actions import PUT_BACK

from .conftest import open_and_wait
from .test_canvas_mouse import _send, drag

CAT = Box(10, 10, 50, 50)  # a.png's box


def _on_image_with_a_box(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat at (10, 10, 50, 50)
    window.focus_canvas()
    canvas = window.panel.gt_pane
    qtbot.waitUntil(canvas.hasFocus, timeout=2000)
    return canvas, window.session.store.document(0)


def _escape_mid_drag(qtbot, window, canvas, start, through, end) -> Box:
    """Press at ``start``, drag to ``through``, Escape, drag on to ``end`` and release: the box shown
    before the Escape."""
    _send(canvas, QEvent.MouseButtonPress, start)
    _send(canvas, QEvent.MouseMove, ((start[0] + through[0]) / 2, (start[1] + through[1]) / 2))
    _send(canvas, QEvent.MouseMove, through)
    dragged = canvas.box_items()[0].box()
    assert window.act["leave_draw_mode"].isEnabled()  # Escape is offered while the box is dragged
    qtbot.keyClick(canvas, Qt.Key_Escape)
    _send(canvas, QEvent.MouseMove, end)
    _send(canvas, QEvent.MouseButtonRelease, end)
    return dragged


def test_escape_puts_back_a_box_being_moved_or_resized(qtbot, window, folder):
    canvas, doc = _on_image_with_a_box(qtbot, window, folder)
    stack = window.edits.stack()
    for start, through, end in (((30, 30), (45, 40), (55, 50)),  # inside: a move
                                ((50, 50), (80, 70), (90, 80))):  # the bottom-right handle: a resize
        window.edits.select(0)  # (its handles are drawn, and grab)
        dragged = _escape_mid_drag(qtbot, window, canvas, start, through, end)
        assert dragged != CAT  # the drag had moved it on screen
        assert canvas.box_items()[0].box() == CAT and doc.objects[0].box == CAT, start
        assert not doc.dirty and stack.count() == 0
        assert window.statusBar().currentMessage() == PUT_BACK
        assert not window.act["leave_draw_mode"].isEnabled()  # nothing left to cancel
        assert not window.act["draw_mode"].isChecked()
    drag(canvas, (30, 30), (40, 35))  # the next drag moves it as ever: one undo step
    assert doc.objects[0].box == Box(20, 15, 60, 55) and stack.count() == 1



def test_a_drag_ends_with_its_box_when_another_image_is_shown(qtbot, window, folder):
    canvas, doc = _on_image_with_a_box(qtbot, window, folder)
    _send(canvas, QEvent.MouseButtonPress, (30, 30))
    _send(canvas, QEvent.MouseMove, (40, 40))
    assert window.act["leave_draw_mode"].isEnabled()
    window.show_row(1)  # PageDown with the mouse button held: the dragged box is gone with its image
    assert not window.act["leave_draw_mode"].isEnabled()  # Escape no longer says it cancels something
    _send(canvas, QEvent.MouseButtonRelease, (45, 45))
    assert doc.objects[0].box == CAT and not doc.dirty
    assert not window.session.store.document(1).dirty
