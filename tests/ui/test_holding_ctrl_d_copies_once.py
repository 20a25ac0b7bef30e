"""A held Ctrl+D makes one copy. The duplicate action kept Qt's auto-repeat and each repeat copied the copy
just made: held a few seconds, an image had hundreds of boxes stacked 2 px apart (1,000 of them: each later
press took 153 ms, each repaint 0.39 s). Under X a held key's repeats come mostly unmarked, as release and
press pairs back to back (`accept_guard.KeyReleaseWatch`): those are the key still held too. A finger's second
press still copies, and so does Edit → Duplicate after D (next image) was held.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from .test_keys_act_on_the_selected_box import CAT, DOG, _boxes, _two_boxes_on_the_image

CTRL = Qt.KeyboardModifier.ControlModifier


def _key(window, kind: QEvent.Type, repeat: bool, modifiers=CTRL) -> None:
    """A key event of D as the system sends it (``repeat``: marked as one of a held key's repeats). Sent, not
    posted: Qt tries the window's shortcuts first on a key press it did not get from the system."""
    QApplication.sendEvent(window.panel.gt_pane, QKeyEvent(kind, Qt.Key_D, modifiers, "", repeat))


def _hold(window, repeats: int, marked: bool, modifiers=CTRL) -> None:
    _key(window, QEvent.KeyPress, False, modifiers)
    for _ in range(repeats):  # what the system sends while the key stays down
        _key(window, QEvent.KeyRelease, marked, modifiers)
        _key(window, QEvent.KeyPress, marked, modifiers)
    _key(window, QEvent.KeyRelease, False, modifiers)


def test_ctrl_d_held_with_marked_repeats_copies_once(qtbot, window, tmp_path):
    _two_boxes_on_the_image(qtbot, window, tmp_path)
    window.edits.select(1)
    _hold(window, repeats=5, marked=True)
    assert len(_boxes(window)) == 3 and _boxes(window)[:2] == [CAT, DOG]


def test_ctrl_d_held_with_unmarked_repeats_copies_once_and_a_second_press_copies_again(qtbot, window, tmp_path):
    _two_boxes_on_the_image(qtbot, window, tmp_path)
    window.edits.select(1)
    _hold(window, repeats=5, marked=False)
    assert len(_boxes(window)) == 3
    qtbot.wait(120)  # the finger lifts, then presses again
    _hold(window, repeats=0, marked=False)
    assert len(_boxes(window)) == 4


def test_the_menus_duplicate_after_d_held_copies(qtbot, window, tmp_path):
    _two_boxes_on_the_image(qtbot, window, tmp_path)  # the folder's one image: D has no next one to show
    _hold(window, repeats=3, marked=True, modifiers=Qt.KeyboardModifier.NoModifier)
    window.edits.select(1)
    window.act["duplicate"].trigger()  # Edit → Duplicate box, with the mouse
    assert len(_boxes(window)) == 3
