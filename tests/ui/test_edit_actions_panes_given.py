"""`connect_edit_actions` is given the image panes beside the editable one and the window's way of giving the image
the keyboard. It found them by reaching up into the canvas's window: the panes by ``findChildren`` of the canvas's
type, the rule by duck typing (``getattr(canvas.window(), "focus_canvas", ...)``), so a canvas outside the main
window got neither, and any same-typed canvas the window held was taken for a pane."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMenu, QStatusBar, QVBoxLayout, QWidget

from petloc_gui.ui.actions import build_actions
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.editing.edit_actions import connect_edit_actions
from petloc_gui.ui.editing.edit_controller import EditController


def _connected(qtbot, other_panes, focus_image, *also_in_the_window: QWidget):
    host = QWidget()
    qtbot.addWidget(host)
    canvas = BoxCanvas(editable=True)
    typing = QLineEdit()
    layout = QVBoxLayout(host)
    for widget in (canvas, typing, *also_in_the_window):
        layout.addWidget(widget)
    menus = {name: QMenu(name, host) for name in ("File", "Edit", "View", "Go", "Model", "Help")}
    act = build_actions(host, menus)
    connect_edit_actions(act, EditController(host), canvas, QStatusBar(host), list_has_focus=lambda: False,
                         step_image=lambda _step: None, label_for_new_box=lambda: "cat",
                         other_panes=other_panes, focus_image=focus_image)
    host.show()
    qtbot.waitExposed(host)
    return host, act, canvas, typing


def test_w_away_from_the_image_uses_the_rule_given(qtbot):
    focused = []
    _host, act, canvas, typing = _connected(qtbot, (), lambda: focused.append(True))
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus)
    act["draw_mode"].setChecked(True)
    assert focused == [True]
    assert canvas.draw_mode


def test_w_on_a_pane_given_leaves_the_keyboard_there(qtbot):
    focused = []
    other = BoxCanvas(editable=False)  # in a window of its own: found by no look into the canvas's window
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    _host, act, _canvas, _typing = _connected(qtbot, [other], lambda: focused.append(True))
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    act["draw_mode"].setChecked(True)
    assert focused == []
    assert act["leave_draw_mode"] in other.actions()  # Escape is the pane's too


def test_a_canvas_not_given_is_no_pane(qtbot):
    stranger = BoxCanvas(editable=False)  # another canvas of the window (a preview): not an image pane
    _host, act, _canvas, _typing = _connected(qtbot, (), lambda: None, stranger)
    assert act["leave_draw_mode"] not in stranger.actions()
