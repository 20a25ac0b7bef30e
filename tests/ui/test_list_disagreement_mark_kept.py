"""The ≠ of a predicted label no box has stays in the Images list however narrow the Predicted column:
the list elides at the left (a file name keeps its end), and "≠ bengal cat" read "…ngal cat", only its
red saying the labels disagree (WCAG 1.4.1). The label after the mark is what is elided now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import COL_PRED, DISAGREE_MARK, FileListModel
from petloc_gui.ui.review.predicted_cell import MARKED, PredictedCellDelegate, mark_kept

PREDICTED = "bengal cat"


@pytest.fixture
def view(qtbot) -> QTableView:
    """The Images list as its dock lays it out (elided at the left, the Predicted column 72 px wide),
    row 0 predicted a class no box has, row 1 one that agrees."""
    model = FileListModel(["Abyssinian_102.jpg", "Bengal_1.jpg"], [True, True])
    for row, (labelled, predicted) in enumerate((("abyssinian", PREDICTED), (PREDICTED, PREDICTED))):
        model.set_ground_truth(row, labelled, Box(0, 0, 10, 10), False)
        model.set_prediction(row, predicted, 0.9, Box(0, 0, 10, 10))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.setParent(view)
    view.setTextElideMode(Qt.ElideLeft)
    view.setWordWrap(False)
    view.setItemDelegateForColumn(COL_PRED, PredictedCellDelegate(view))
    view.resize(600, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def _option(view: QTableView, row: int, width: int) -> QStyleOptionViewItem:
    view.setColumnWidth(COL_PRED, width)
    index = view.model().index(row, COL_PRED)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect, option.widget = view.visualRect(index), view
    option.textElideMode, option.font = view.textElideMode(), view.font()
    view.itemDelegateForColumn(COL_PRED).initStyleOption(option, index)
    return option


def _text_width(option: QStyleOptionViewItem) -> float:
    style = option.widget.style()
    area = style.subElementRect(QStyle.SE_ItemViewItemText, option, option.widget)
    return area.width() - 2 * (style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, option.widget) + 1)


@pytest.mark.parametrize("width", [30, 50, 72, 90])
def test_a_narrow_predicted_cell_keeps_its_mark_and_fits(view, width):
    option = _option(view, 0, width)
    assert option.text == f"{DISAGREE_MARK} {PREDICTED}"  # the model's text, as read aloud, is whole
    shown = view.itemDelegateForColumn(COL_PRED).shown_text(option)
    assert shown.startswith(MARKED)
    assert QFontMetricsF(option.font).horizontalAdvance(shown) <= _text_width(option)  # the style cuts no more


def test_a_wide_cell_and_an_agreeing_one_are_shown_as_they_are(view):
    delegate = view.itemDelegateForColumn(COL_PRED)
    assert delegate.shown_text(_option(view, 0, 400)) == f"{DISAGREE_MARK} {PREDICTED}"
    agreeing = _option(view, 1, 30)
    assert delegate.shown_text(agreeing) == PREDICTED  # elided as any cell, by the view


def test_the_painted_cell_begins_with_the_mark(view):
    """The pixels: the cell's start is painted as a cell showing the mark alone is."""
    option = _option(view, 0, 60)
    size = option.rect.size()
    option.rect.moveTopLeft(QPoint(0, 0))

    def painted(paint) -> QImage:
        image = QImage(size, QImage.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        paint(painter)
        painter.end()
        return image

    cell = painted(lambda p: view.itemDelegateForColumn(COL_PRED).paint(p, option, view.model().index(0, COL_PRED)))
    mark_only = QStyleOptionViewItem(option)
    mark_only.text = DISAGREE_MARK
    mark = painted(lambda p: view.style().drawControl(QStyle.CE_ItemViewItem, mark_only, p, view))
    start = int(QFontMetricsF(option.font).horizontalAdvance(DISAGREE_MARK)) + 6  # the margin and the mark
    assert cell.copy(0, 0, start, size.height()) == mark.copy(0, 0, start, size.height())
    plain = painted(lambda p: QStyledItemDelegate().paint(p, option, view.model().index(0, COL_PRED)))
    assert plain.copy(0, 0, start, size.height()) != mark.copy(0, 0, start, size.height())  # "…ngal cat"


def test_the_label_after_the_mark_is_elided_as_the_view_elides(view):
    metrics = QFontMetricsF(view.font())
    text = f"{DISAGREE_MARK} {PREDICTED}"
    width = metrics.horizontalAdvance(text) - 10
    assert mark_kept(text, metrics, width, Qt.ElideLeft).startswith(f"{MARKED}…")
    assert mark_kept(text, metrics, width, Qt.ElideRight).endswith("…")
    assert mark_kept(PREDICTED, metrics, 5, Qt.ElideLeft) == PREDICTED  # no mark: the view's own eliding


def test_the_images_dock_paints_its_predicted_column_with_the_mark_kept(qtbot):
    """The delegate does nothing unless the dock installs it on the list it shows."""
    from petloc_gui.ui.review.file_list_dock import FileListDock

    dock = FileListDock()
    qtbot.addWidget(dock)
    assert isinstance(dock.view.itemDelegateForColumn(COL_PRED), PredictedCellDelegate)
