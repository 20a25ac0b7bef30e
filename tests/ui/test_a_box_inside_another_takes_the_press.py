"""A box inside a box drawn after it takes the presses on it: its handles resize it, its middle selects it.

Every box stood at one height, so the scene gave a press to the box added last: with the small box selected
(B), a drag of its drawn bottom-right handle moved the big box round it, and a click inside it selected the big
one. The pane already chose the box a press is for to decide whether to draw; that box now takes it (`box_stack`): the
selected box on its handles, else the smallest.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_canvas import BoxCanvas

from .one_pane import shown_pane

SMALL, BIG = Box(150, 150, 250, 250), Box(50, 50, 350, 350)


def _send(pane: BoxCanvas, kind: QEvent.Type, scene_xy: tuple[float, float], buttons: Qt.MouseButton) -> None:
    port = pane.viewport()
    where = QPointF(pane.mapFromScene(QPointF(*scene_xy)))
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    QApplication.sendEvent(port, QMouseEvent(kind, where, QPointF(port.mapToGlobal(where.toPoint())), button, buttons,
                                             Qt.KeyboardModifier.NoModifier))


def _drag(pane: BoxCanvas, start: tuple[float, float], end: tuple[float, float], steps: int = 5) -> None:
    held = Qt.MouseButton.LeftButton
    _send(pane, QEvent.Type.MouseButtonPress, start, held)
    for i in range(1, steps + 1):
        t = i / steps
        _send(pane, QEvent.Type.MouseMove, (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t),
              held)
    _send(pane, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def _recorded(pane: BoxCanvas) -> tuple[list[tuple[int, Box]], list[int]]:
    edits: list[tuple[int, Box]] = []
    selections: list[int] = []
    pane.box_edited.connect(lambda index, _old, new: edits.append((index, new)))
    pane.box_selected.connect(selections.append)
    return edits, selections


def test_the_selected_inner_box_s_handle_resizes_it(qtbot):
    pane = shown_pane(qtbot, (400, 400), (400, 400))  # (about one screen pixel per image pixel)
    pane.set_boxes([(SMALL, "small"), (BIG, "big")], selected=0)
    edits, _ = _recorded(pane)
    _drag(pane, (250, 250), (280, 280))  # its bottom-right handle, inside the big box
    assert [index for index, _ in edits] == [0]
    _, new = edits[0]
    assert (new.xmin, new.ymin) == (SMALL.xmin, SMALL.ymin) and abs(new.xmax - 280) <= 1 and abs(new.ymax - 280) <= 1
    assert pane.box_items()[1].box() == BIG  # the big box stayed


def test_a_click_inside_the_inner_box_selects_it(qtbot):
    pane = shown_pane(qtbot, (400, 400), (400, 400))
    pane.set_boxes([(SMALL, "small"), (BIG, "big")])
    edits, selections = _recorded(pane)
    _drag(pane, (200, 200), (200, 200), steps=0)
    assert selections == [0] and edits == []
    assert [item.selected for item in pane.box_items()] == [True, False]
    _drag(pane, (100, 100), (100, 100), steps=0)  # the big box's own part: the big box
    assert selections == [0, 1]


@pytest.mark.parametrize("listed", [("small", "big"), ("big", "small")])
def test_the_smaller_box_takes_the_presses_in_it_though_the_box_round_it_is_selected(qtbot, listed):
    """Selected, the big box swallowed every press inside the small one: a click there left it selected and a drag
    moved it. Its handles alone come first (they stick out over the boxes round it, `box_stack`)."""
    pane = shown_pane(qtbot, (400, 400), (400, 400))
    boxes = {"small": SMALL, "big": BIG}
    small, big = listed.index("small"), listed.index("big")
    pane.set_boxes([(boxes[name], name) for name in listed])
    edits, selections = _recorded(pane)
    _drag(pane, (100, 100), (100, 100), steps=0)  # the big box's own part: the big box, selected
    _drag(pane, (200, 200), (200, 200), steps=0)  # the middle of the small box: the small box
    assert selections == [big, small] and edits == []
    assert [item.selected for item in pane.box_items()] == [name == "small" for name in listed]
    pane.select(big)  # the big box selected again: a drag in the small box moves the small box
    _drag(pane, (200, 200), (210, 200))
    assert [index for index, _ in edits] == [small]
    moved = Box(SMALL.xmin + 10, SMALL.ymin, SMALL.xmax + 10, SMALL.ymax)  # (the pane is about one pixel a pixel)
    assert all(abs(a - b) <= 1 for a, b in zip(edits[0][1].as_tuple(), moved.as_tuple(), strict=True)), edits


def test_the_selected_box_s_handle_over_a_smaller_box_resizes_the_selected_box(qtbot):
    """A small box across the selected big box's right edge, over its middle handle: the handle takes the press."""
    pane = shown_pane(qtbot, (400, 400), (400, 400))
    across = Box(BIG.xmax - 10, 190, BIG.xmax + 10, 210)  # its middle is the big box's right handle, (350, 200)
    pane.set_boxes([(BIG, "big"), (across, "across")], selected=0)
    edits, _ = _recorded(pane)
    _drag(pane, (BIG.xmax, 200), (BIG.xmax + 30, 200))
    assert [index for index, _ in edits] == [0]
    _, new = edits[0]
    assert (new.xmin, new.ymin, new.ymax) == (BIG.xmin, BIG.ymin, BIG.ymax) and abs(new.xmax - (BIG.xmax + 30)) <= 1
    pane.select(-1)  # none selected: the small box's middle is its own
    _drag(pane, (BIG.xmax, 200), (BIG.xmax + 20, 200))
    assert [index for index, _ in edits] == [0, 1]
