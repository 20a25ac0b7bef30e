"""A box's label tag stays inside the image: near the right edge it was cut at the pane's edge
("american_pit_bull_te"), and a label wider than the image is elided (a GUI hunt under Xvfb)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import BoxItem


def _tag(qtbot, box: Box, label: str, width: float = 400):
    scene = QGraphicsScene()
    scene.setSceneRect(0, 0, width, 300)
    item = BoxItem(box, label, QColor("orange"))
    item.bounds = QRectF(0, 0, width, 300)  # the image, as the canvas sets it
    scene.addItem(item)
    return item._tag(1.0)


def test_a_tag_near_the_right_edge_moves_left_into_the_image(qtbot):
    where, text = _tag(qtbot, Box(380, 50, 398, 90), "american_pit_bull_terrier")
    assert text == "american_pit_bull_terrier" and where.right() <= 400 and where.left() >= 0


def test_a_tag_wider_than_the_image_is_elided(qtbot):
    where, text = _tag(qtbot, Box(10, 50, 40, 90), "x" * 300, width=120)
    assert text.endswith("…") and where.width() <= 120 and where.left() >= 0


def test_a_tag_with_room_stays_at_its_box(qtbot):
    where, text = _tag(qtbot, Box(10, 50, 40, 90), "cat")
    assert (where.left(), text) == (10, "cat")
