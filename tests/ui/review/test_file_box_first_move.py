"""A box a file holds in fractions (CVAT writes 10.5..13.5, 20.4..33.6) keeps its size on its first
move in the window, by the mouse or the arrows, as every later move keeps it: the edit took a side
whole pixels long as moved and rounded both edges of any other, so the box came out 14 pixels high
(21..35) or 13 by how far it went. EditController.set_box now gives clamp_box the box before the move."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from ..conftest import open_and_wait

FILE_BOX = Box(10.5, 20.4, 43.5, 53.6)  # 33 wide, 33.2 high


def _fractional(folder) -> None:
    (folder / "d.xml").write_text(
        "<annotation><filename>d.png</filename><size><width>120</width><height>90</height><depth>3</depth>"
        "</size><object><name>cat</name><bndbox><xmin>10.5</xmin><ymin>20.4</ymin><xmax>43.5</xmax>"
        "<ymax>53.6</ymax></bndbox></object></annotation>", encoding="utf-8")


def test_a_box_of_10_5_to_13_5_dragged_by_one_pixel_keeps_its_size(qtbot, window, folder):
    from PySide6.QtCore import QEvent

    from ..test_canvas_mouse import _send

    _fractional(folder)
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png
    edits = window.edits
    assert edits.doc.objects[0].box == FILE_BOX
    view = window.panel.gt_pane
    view.resetTransform()
    view.scale(4.0, 4.0)  # a pixel of the image is 4 of the screen
    view.centerOn(27.0, 37.0)
    # From the box's middle, by one pixel each way; out past the drag distance on screen first (within it, a press
    # is a click: `click_or_drag`), then back
    _send(view, QEvent.MouseButtonPress, (27.0, 37.0))
    _send(view, QEvent.MouseMove, (37.0, 37.0))
    _send(view, QEvent.MouseMove, (28.0, 38.0))
    _send(view, QEvent.MouseButtonRelease, (28.0, 38.0))
    moved = edits.doc.objects[0].box
    assert (moved.width, moved.height) == (33, 33), moved
    assert moved == Box(12, 21, 45, 54)  # the corner where the move left it, rounded as the writer rounds
    assert window.save_current()
    assert read_voc(folder / "d.xml", find_image=False).objects[0].box == moved


def test_the_first_nudge_and_a_move_by_half_a_pixel_keep_it_too(qtbot, window, folder):
    _fractional(folder)
    open_and_wait(qtbot, window, folder)
    window.show_row(3)
    edits = window.edits
    edits.selected = 0
    assert edits.nudge(0, 1)
    assert edits.doc.objects[0].box == Box(10, 21, 43, 54)  # 20.4 + 1 is 21.4: 21, and 33 high
    edits.stack().undo()
    assert edits.doc.objects[0].box == FILE_BOX
    assert edits.set_box(0, FILE_BOX, FILE_BOX.translated(0.5, 0.5), "Move/resize box")
    assert edits.doc.objects[0].box == Box(11, 21, 44, 54)
