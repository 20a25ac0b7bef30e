"""A on an image whose box already is the prediction changed nothing and said nothing: a labelImg user pressing
A A A to go back three images (labelImg's A) stayed on the image, the status line blank. It says so now, with
the previous-image key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.actions import ACTIONS
from petloc_gui.ui.editing.edit_controller import ALREADY_THE_BOX

from .conftest import open_and_wait

D = 3  # d.png: no annotation; the model says cat at 30,30,70,70


def _press_a(qtbot, window) -> None:
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_A)


def test_a_second_a_says_the_prediction_is_already_the_box(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.focus_canvas()
    _press_a(qtbot, window)  # the model's box, accepted
    boxes = [(o.name, o.box) for o in window.session.store.document(D).objects]
    undo_steps = window.edits.undo_group.activeStack().count()
    window.statusBar().clearMessage()
    qtbot.wait(120)  # a finger's second press (one right after a release is the key still held)
    _press_a(qtbot, window)
    assert window.statusBar().currentMessage() == ALREADY_THE_BOX
    assert [(o.name, o.box) for o in window.session.store.document(D).objects] == boxes  # nothing changed
    assert window.edits.undo_group.activeStack().count() == undo_steps
    assert window.session.current == D


def test_the_hint_names_the_previous_image_key():
    keys = {spec.name: spec.shortcuts for spec in ACTIONS}
    assert f"previous image is {keys['prev_image'][0]} here" in ALREADY_THE_BOX
