"""A box's label tag is written in black or white, whichever has the higher WCAG contrast ratio on the
tag's colour. It was chosen by HSL lightness (> 120: black), which put white on the old green GT tag at
2.2:1 where black gives 9.4:1 (hunt8 #3), and would put white on today's orange at 2.3:1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import GT_COLOR, PRED_COLOR, SELECTED_COLOR, BoxItem
from petloc_gui.ui.canvas.contrast import READABLE_RATIO, contrast_ratio, ink_on

BLACK, WHITE = QColor(0, 0, 0), QColor(255, 255, 255)


def test_the_ink_is_the_one_with_the_higher_contrast_ratio():
    old_green = QColor(0, 200, 90)
    assert round(contrast_ratio(WHITE, old_green), 1) == 2.2 and round(contrast_ratio(BLACK, old_green), 1) == 9.4
    assert ink_on(old_green) == BLACK
    assert ink_on(QColor(0, 0, 128)) == WHITE


def _tag_text_pixels(color: QColor) -> list[QColor]:
    """The pixels of a rendered "cat" tag that are not the tag's own colour: its text."""
    item = BoxItem(Box(20, 40, 180, 90), "cat", color)
    item.selected = color == SELECTED_COLOR
    scene = QGraphicsScene()
    scene.addItem(item)
    image = QImage(200, 100, QImage.Format_ARGB32)
    image.fill(QColor(128, 128, 128))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 200, 100), QRectF(0, 0, 200, 100))
    painter.end()
    tag = item._tag(1.0)[0].toAlignedRect().adjusted(2, 2, -2, -2)
    pixels = [image.pixelColor(x, y) for x in range(tag.left(), tag.right()) for y in range(tag.top(), tag.bottom())]
    text = [p for p in pixels if contrast_ratio(p, color) > 1.5]
    assert text, "no text drawn on the tag"
    return text


@pytest.mark.parametrize("color", [GT_COLOR, PRED_COLOR, SELECTED_COLOR], ids=["gt", "prediction", "selected"])
def test_each_box_colour_s_tag_text_reads_at_4_5_to_1(qtbot, color):
    ink = ink_on(color)
    assert contrast_ratio(ink, color) >= READABLE_RATIO
    strongest = max(_tag_text_pixels(color), key=lambda p: contrast_ratio(p, color))
    assert contrast_ratio(strongest, ink) < 1.2, (strongest.name(), ink.name())  # written in that ink
