"""The status line in a right-to-left layout (`petloc-gui -reverse`): the message and the model's label were
drawn in the layout's direction, so an English message read ".(of this folder's 14 image…folder it never
trained on 13" and the label's "…" moved to its front, its end cut. Each is drawn left to right now
(`status_line.text_flags`): the same pixels as in a left-to-right layout, at the mirrored place. (A name in the
Images list takes its own first strong character's direction: `name_cell.text_direction`.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QImage

from petloc_gui.ui.review.name_cell import text_direction
from petloc_gui.ui.status_line import ModelLabel, StatusLine, label_elided

MESSAGE = "13 images of this folder's 14 (a folder it never trained on)."
LABEL = 'Model: pets-2024-abcdef (acc 1.000 · IoU 0.819 on 48 test images · in "data" · 13/14 trained here)'


def _ink(image: QImage, rect: QRect) -> QImage:
    """What is drawn in ``rect`` of ``image``, cropped to the pixels that differ from its corner's."""
    crop = image.copy(rect)
    background = crop.pixel(0, 0)
    inked = [(x, y) for x in range(crop.width()) for y in range(crop.height()) if crop.pixel(x, y) != background]
    assert inked, "nothing drawn"
    xs, ys = [x for x, _y in inked], [y for _x, y in inked]
    return crop.copy(QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))


def _drawn(qtbot, qapp, direction: Qt.LayoutDirection) -> tuple[QImage, QImage, int, int]:
    """The message's and the label's pixels, and their left edges, with the application in ``direction`` (as
    -reverse sets it: a painter takes its text direction from the application)."""
    qapp.setLayoutDirection(direction)
    bar = StatusLine()
    qtbot.addWidget(bar)
    font = bar.font()  # whole-pixel advances: a right-aligned text starts on a whole pixel, as a left-aligned one
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    bar.setFont(font)
    label = ModelLabel(LABEL)
    bar.addPermanentWidget(label)
    bar.resize(900, 30)
    bar.show()
    bar.showMessage(MESSAGE)
    qtbot.waitExposed(bar)
    assert bar.layoutDirection() == direction and label_elided(label)  # else the test says nothing
    assert not bar.is_elided()
    image = bar.grab().toImage()
    return (_ink(image, bar.message_rect()), _ink(image, label.geometry()), bar.message_rect().x(),
            label.geometry().x())


@pytest.fixture
def directions(qtbot, qapp):
    was = qapp.layoutDirection()
    try:
        yield {direction: _drawn(qtbot, qapp, direction)
               for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft)}
    finally:
        qapp.setLayoutDirection(was)


def test_english_reads_left_to_right_in_a_right_to_left_layout(directions):
    left_message, left_label, left_message_x, left_label_x = directions[Qt.LayoutDirection.LeftToRight]
    right_message, right_label, right_message_x, right_label_x = directions[Qt.LayoutDirection.RightToLeft]
    assert right_message == left_message
    assert right_label == left_label  # its "…" at its end
    assert right_message_x > right_label_x and left_message_x < left_label_x  # the places mirrored


def test_the_direction_is_the_first_strong_characters():
    assert text_direction("13 images (of 14).") == Qt.TextFlag.TextForceLeftToRight
    assert text_direction("12 \u05ea\u05de\u05d5\u05e0\u05d5\u05ea (Model)") == Qt.TextFlag.TextForceRightToLeft
    assert text_direction("1 / 14") == Qt.TextFlag.TextForceLeftToRight
