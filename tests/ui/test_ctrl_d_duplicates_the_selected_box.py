"""labelImg's Ctrl+D duplicates the selected box here too. It did nothing and said nothing: a labelImg user's
hands pressed it on an image of several pets and got no copy and no word why. petloc edits several boxes per
image (a run learns the first), so the key does what labelImg's does: a copy with its label, 2 px up and left
(down and right where that leaves the image), selected, one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box
from petloc_gui.ui.editing.edit_actions import (
    COPIED_DOWN_RIGHT,
    COPIED_UP_LEFT,
    COPY_OFFSET_PX,
    NO_BOX_SELECTED,
    NO_BOX_TO_COPY,
    copied_box,
)

from .test_keys_act_on_the_selected_box import CAT, DOG, _boxes, _said, _two_boxes_on_the_image

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_d_copies_the_selected_box_with_its_label(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    window.edits.select(1)  # the dog
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    moved = DOG[1].translated(-COPY_OFFSET_PX, -COPY_OFFSET_PX)
    assert _boxes(window) == [CAT, DOG, ("dog", moved)]
    assert window.edits.target_index() == 2 and _said(window) == COPIED_UP_LEFT
    assert "2 px up and left of the original" in COPIED_UP_LEFT  # where to look for it
    assert window.session.current == window.session.model.names.index("two.png")  # D's next image: not taken
    qtbot.keyClick(canvas, Qt.Key_Right)  # the arrows act on the copy
    assert _boxes(window)[2] == ("dog", moved.translated(1, 0)) and _boxes(window)[1] == DOG
    qtbot.keyClick(canvas, Qt.Key_Z, CTRL)  # the nudge
    qtbot.keyClick(canvas, Qt.Key_Z, CTRL)  # the copy: one undo step
    assert _boxes(window) == [CAT, DOG]


def test_a_copy_at_the_left_edge_is_said_down_and_right(qtbot, window, tmp_path):
    """2 image px is about 1 screen px at the fitted zoom: the message says which way to look for the copy."""
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    at_the_edge = Box(0, 10, 30, 40)
    window.edits.set_box(0, CAT[1], at_the_edge, "Move/resize box")
    window.edits.select(0)
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    assert _boxes(window)[2] == ("cat", at_the_edge.translated(COPY_OFFSET_PX, COPY_OFFSET_PX))
    assert _said(window) == COPIED_DOWN_RIGHT
    assert "2 px down and right of the original" in COPIED_DOWN_RIGHT


def test_ctrl_d_with_no_box_selected_copies_none_and_says_so(qtbot, window, tmp_path):
    canvas = _two_boxes_on_the_image(qtbot, window, tmp_path)
    window.edits.select(-1)
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    assert _boxes(window) == [CAT, DOG] and _said(window) == NO_BOX_SELECTED
    for _ in range(2):
        window.edits.select(0)
        qtbot.keyClick(canvas, Qt.Key_Delete)
    qtbot.wait(120)  # a second press, not the key held (`accept_guard.KeyReleaseWatch`)
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    assert _boxes(window) == [] and _said(window) == NO_BOX_TO_COPY


def test_the_copy_stays_inside_the_image():
    assert copied_box(Box(0, 5, 10, 20), (50, 40)) == Box(2, 7, 12, 22)  # at the left edge: down and right
    assert copied_box(Box(3, 3, 10, 10), None) == Box(1, 1, 8, 8)
    assert copied_box(Box(0, 0, 50, 40), (50, 40)) == Box(0, 0, 50, 40)  # the whole image: on itself
    assert copied_box(Box(1, 30, 20, 39), (50, 40)) == Box(1, 30, 20, 39)  # neither way fits


def test_f1s_labelimg_row_names_it(qtbot):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    row = next(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())
               if "labelImg" in dialog.table.item(r, 0).text())
    assert "Ctrl+D (duplicate the selected box) as in labelImg" in row
