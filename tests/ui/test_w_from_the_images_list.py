"""W with the keyboard in the Images list hands the keyboard to the image, where draw mode's keys act.

Before (a keyboard hunt, 1.5x): W in the list turned draw mode on and said "Draw mode on: … (Escape leaves it)",
but the list kept the keyboard: Return placed no box, Escape left nothing, and draw mode went on across images.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.edit_actions import DRAW_MODE_LEFT, DRAW_MODE_ON

from .conftest import open_and_wait


def _list_focused(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no box
    view = window.file_dock.view
    view.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    return view, window.session.store.document(3)


def _key(qtbot, key):
    """``key`` to whichever widget has the keyboard now, as a person's press goes."""
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_w_then_escape_leaves_draw_mode(qtbot, window, folder):
    _view, doc = _list_focused(qtbot, window, folder)
    _key(qtbot, Qt.Key_W)
    assert window.act["draw_mode"].isChecked() and window.statusBar().currentMessage() == DRAW_MODE_ON
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    _key(qtbot, Qt.Key_Escape)
    assert not window.act["draw_mode"].isChecked() and not window.panel.gt_pane.draw_mode
    assert window.statusBar().currentMessage() == DRAW_MODE_LEFT
    assert doc.objects == [] and not doc.dirty


def test_w_then_return_places_a_box(qtbot, window, folder):
    _view, doc = _list_focused(qtbot, window, folder)
    _key(qtbot, Qt.Key_W)
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    _key(qtbot, Qt.Key_Return)
    assert len(doc.objects) == 1 and doc.dirty
    assert not window.act["draw_mode"].isChecked()  # one box, as a drag draws


def test_w_again_from_the_image_leaves_draw_mode_where_the_keyboard_is(qtbot, window, folder):
    _view, _doc = _list_focused(qtbot, window, folder)
    _key(qtbot, Qt.Key_W)
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    _key(qtbot, Qt.Key_W)  # off again: nothing moves the keyboard
    assert not window.act["draw_mode"].isChecked() and window.panel.gt_pane.hasFocus()
