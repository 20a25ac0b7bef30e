"""In a VOC devkit with subfolders, the Images list's narrow Name column keeps a name's first folder and its file
name's end: elided at its left, ``JPEGImages/Abyssinian_148.jpg`` and ``day/Abyssinian_148.jpg`` both read
"…yssinian_148.jpg", and every ``day/`` and ``night/`` row lost its folder. A name without folders still keeps its
end, the number that tells a big folder's rows apart (`test_list_names_told_apart`)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from petloc_gui.ui.review.file_list import COL_NAME
from petloc_gui.ui.review.name_cell import name_elided

from .conftest import open_and_wait, write_image

IMAGES = ["Abyssinian_148.jpg", "day/Abyssinian_148.jpg", "night/Abyssinian_148.jpg",
          "day/american_bulldog_101.jpg", "night/deeper/american_bulldog_10.jpg", "a_train_00021_digit0.png",
          "a_train_00028_digit0.png"]


def _option(view: QTableView, row: int) -> QStyleOptionViewItem:
    index = view.model().index(row, COL_NAME)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect, option.widget = view.visualRect(index), view
    option.textElideMode, option.font = view.textElideMode(), view.font()
    view.itemDelegateForColumn(COL_NAME).initStyleOption(option, index)
    return option


def _text_width(option: QStyleOptionViewItem) -> float:
    style = option.widget.style()
    area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
    return area.width() - 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1)


def test_a_narrow_list_keeps_each_names_folder_and_its_end(qtbot, window, tmp_path):
    root = tmp_path / "export"
    for seed, relative in enumerate(IMAGES):
        image = root / "JPEGImages" / relative
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, seed=seed)
    (root / "Annotations").mkdir()
    dock = window.file_dock
    window.resizeDocks([dock], [dock.legible_width()], Qt.Horizontal)  # the list as narrow as it goes
    open_and_wait(qtbot, window, root)
    view, model = dock.view, dock.model
    delegate = view.itemDelegateForColumn(COL_NAME)
    assert delegate is not None  # installed by the dock on the list it shows
    shown = {}
    for row in range(model.rowCount()):
        option = _option(view, row)
        name = option.text
        shown[name] = delegate.shown_text(option)
        assert QFontMetricsF(option.font).horizontalAdvance(shown[name]) <= _text_width(option)  # no more cut
    assert QFontMetricsF(view.font()).horizontalAdvance("night/deeper/american_bulldog_10.jpg") > _text_width(
        _option(view, 0))  # too narrow for the long names
    assert len(set(shown.values())) == len(IMAGES), shown  # each row reads as its own image
    for name, text in shown.items():
        folder = name.split(os.sep)[0] + os.sep if os.sep in name else ""
        assert text.startswith(folder), (name, text)
        assert text.endswith(name[-6:]), (name, text)  # the file name's end: its number
    assert shown["a_train_00021_digit0.png"] != shown["a_train_00028_digit0.png"]


@pytest.fixture
def metrics(qapp) -> QFontMetricsF:
    return QFontMetricsF(QTableView().font())


def test_a_long_first_folder_gives_way_before_the_file_names_end(metrics):
    name = "a_very_long_first_folder_name/Abyssinian_148.jpg"
    width = metrics.horizontalAdvance("Abyssinian_148.jpg") * 1.2
    shown = name_elided(name, metrics, width)
    assert shown.startswith("a_") and "…/" in shown and shown.endswith("_148.jpg"), shown
    assert metrics.horizontalAdvance(shown) <= width


def test_a_name_that_fits_or_has_no_folder_is_as_before(metrics):
    assert name_elided("day/x.jpg", metrics, 1000) == "day/x.jpg"
    flat = "a_train_00021_digit0.png"
    width = metrics.horizontalAdvance(flat) - 10
    assert name_elided(flat, metrics, width) == metrics.elidedText(flat, Qt.TextElideMode.ElideLeft, width)
