"""The Images list's names in a right-to-left layout (`petloc-gui -reverse`): the cells were drawn in the layout's
direction, which reordered a left-to-right name's neutral characters (_ . digits): ``test_00000_digit0.png``, elided
to its end, read "digit0.png_0…", its "…" after the extension. Each name is drawn in its own direction now: the
same pixels as in a left-to-right layout, at the mirrored place, elided as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QStyleOptionViewItem

from petloc_gui.ui.review.file_list import COL_NAME, FileListModel
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.name_cell import text_layout_direction

SHORT = "test_00000_digit0.png"  # whole in its cell
LONG = "test_" + "0" * 40 + "_digit0.png"  # elided at its left: "…00000_digit0.png", digits after its "…"
NAMES = [SHORT, LONG]
HEBREW = "\u05db\u05dc\u05d1_12.jpg"  # "כלב_12.jpg": right to left from its first letter


def _ink(image: QImage, rect: QRect) -> tuple[QImage, int, int]:
    """What is drawn in ``rect`` of ``image``, cropped to the pixels that differ from its corner's, with its left
    and right edges in ``rect``."""
    crop = image.copy(rect)
    background = crop.pixel(0, 0)
    inked = [(x, y) for x in range(crop.width()) for y in range(crop.height()) if crop.pixel(x, y) != background]
    assert inked, "nothing drawn"
    xs, ys = [x for x, _y in inked], [y for _x, y in inked]
    ink = crop.copy(QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1))
    return ink, min(xs), crop.width() - 1 - max(xs)


def _cells(qtbot, qapp, direction: Qt.LayoutDirection) -> dict[str, tuple[QImage, int, int, str]]:
    """Each name's cell as drawn with the application in ``direction`` (as -reverse sets it): its ink, its margins
    on the left and on the right, and the text the delegate elided it to."""
    qapp.setLayoutDirection(direction)
    dock = FileListDock()
    qtbot.addWidget(dock)
    view = dock.view
    font = view.font()  # whole-pixel advances: a right-aligned text starts on a whole pixel, as a left-aligned one
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    view.setFont(font)
    dock.set_source(FileListModel(NAMES, [False] * len(NAMES)))
    width = view.fontMetrics().horizontalAdvance(SHORT)
    view.horizontalHeader().setSectionResizeMode(COL_NAME, view.horizontalHeader().ResizeMode.Fixed)
    view.setColumnWidth(COL_NAME, width + 40)  # SHORT whole, LONG elided
    dock.resize(width + 500, 300)
    dock.show()
    qtbot.waitExposed(dock)
    assert view.layoutDirection() == direction  # else the test says nothing
    image = view.viewport().grab().toImage()
    delegate = view.itemDelegateForColumn(COL_NAME)
    cells = {}
    for row, name in enumerate(NAMES):
        index = dock.model.index(row, COL_NAME)
        option = QStyleOptionViewItem()
        option.initFrom(view.viewport())
        option.rect, option.widget = view.visualRect(index), view
        option.textElideMode, option.font = view.textElideMode(), view.font()
        delegate.initStyleOption(option, index)
        ink, left, right = _ink(image, view.visualRect(index).adjusted(2, 2, -2, -2))  # not the grid's lines
        cells[name] = (ink, left, right, delegate.shown_text(option))
    return cells


@pytest.fixture
def directions(qtbot, qapp):
    was = qapp.layoutDirection()
    try:
        yield {direction: _cells(qtbot, qapp, direction)
               for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft)}
    finally:
        qapp.setLayoutDirection(was)


@pytest.mark.parametrize("name", NAMES)
def test_a_name_reads_left_to_right_in_a_right_to_left_layout(directions, name):
    left_ink, left_left, left_right, left_text = directions[Qt.LayoutDirection.LeftToRight][name]
    right_ink, right_left, right_right, right_text = directions[Qt.LayoutDirection.RightToLeft][name]
    assert right_text == left_text  # elided as before
    assert right_ink == left_ink  # its characters in their order, its "…" at its front
    assert left_left < left_right and right_right < right_left  # at the layout's start: the places mirrored


def test_the_long_name_is_elided(directions):
    assert directions[Qt.LayoutDirection.RightToLeft][LONG][3].startswith("…0")  # else the test says less


def test_a_names_direction_is_its_first_strong_characters():
    assert text_layout_direction(SHORT) == Qt.LayoutDirection.LeftToRight
    assert text_layout_direction("00000_201.jpg") == Qt.LayoutDirection.LeftToRight
    assert text_layout_direction("12_345") == Qt.LayoutDirection.LeftToRight  # none: left to right
    assert text_layout_direction(HEBREW) == Qt.LayoutDirection.RightToLeft
