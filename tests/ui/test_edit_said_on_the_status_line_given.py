"""What an edit that changed no box said (`EditController.said`: a number key with no box selected) goes to the
status line `connect_edit_actions` is given, as every other "changed no box" message does, for as long. It
went to its parent's own status bar, and only where that parent was a QMainWindow: a controller of another
parent said nothing, and one of a window whose edits show on another status line said it on the wrong one."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu, QStatusBar

from petloc_gui.ui.actions import build_actions
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.editing.edit_actions import connect_edit_actions
from petloc_gui.ui.editing.edit_controller import EditController, next_box_label_said


def test_said_goes_to_the_status_line_given(qtbot):
    host = QMainWindow()
    qtbot.addWidget(host)
    canvas = BoxCanvas(editable=True)
    host.setCentralWidget(canvas)
    menus = {name: QMenu(name, host) for name in ("File", "Edit", "View", "Go", "Model", "Help")}
    edits = EditController(host)
    given = QStatusBar(host)  # not the window's own (host.statusBar())
    connect_edit_actions(build_actions(host, menus), edits, canvas, given, list_has_focus=lambda: False,
                         step_image=lambda _step: None, label_for_new_box=lambda: "cat")
    edits.set_label("dog")  # no image: nothing to relabel
    assert given.currentMessage() == next_box_label_said("dog", False)
    assert host.statusBar().currentMessage() == ""
