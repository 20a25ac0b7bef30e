"""A number key with no box selected changed no box and said nothing: after Del (none selected) pressing 1 left
every box as it was, the Label box showed "cat" and the status line stayed empty, while Del and the arrows in the
same state say why they changed nothing. It says the class is the next box's."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box
from petloc_gui.core.text import isolated
from petloc_gui.ui.editing.edit_controller import EditController, next_box_label_said

from .conftest import open_and_wait, write_annotation, write_image


def test_a_number_key_after_del_says_the_next_box_gets_its_class(qtbot, window, tmp_path):
    root = tmp_path / "two"
    root.mkdir()
    write_image(root / "a.png")
    write_annotation(root / "a.png", [("cat", Box(10, 10, 50, 50)), ("dog", Box(60, 20, 100, 70))])
    open_and_wait(qtbot, window, root)
    window.show_row(0)
    window.focus_canvas()
    window.act["delete"].trigger()
    assert [o.name for o in window.edits.doc.objects] == ["dog"] and window.edits.selected == -1
    bar = window.statusBar()
    bar.clearMessage()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_1)  # cat
    assert [o.name for o in window.edits.doc.objects] == ["dog"]  # no box changed
    assert bar.currentMessage() == "No box selected: the next box drawn gets cat."
    bar.clearMessage()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_B)  # the dog selected: the key relabels it, nothing to say
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_1)
    assert [o.name for o in window.edits.doc.objects] == ["cat"] and bar.currentMessage() == ""


def test_with_no_box_on_the_image_and_a_right_to_left_class(qtbot):
    edits = EditController()
    said = []
    edits.said.connect(said.append)
    cat = "\u05d7\u05ea\u05d5\u05dc"  # "חתול"
    edits.set_label(cat)  # no image, no box
    assert said == [f"The next box drawn gets {isolated(cat)}."] and isolated(cat) != cat
    assert next_box_label_said("cat", True) == "No box selected: the next box drawn gets cat."
