"""The Images list's Predicted column keeps a class name's start: the list elides at the left for file
names, and a class name cut so read "≠ …rthair", Oxford's five "_terrier" classes all "…terrier". The row's
tooltip names the predicted class whole even when it agrees with the label (it did only on disagreement)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import COL_NAME, COL_PRED, DISAGREE_MARK, FileListModel
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.name_cell import NameCellDelegate, name_elided
from petloc_gui.ui.review.predicted_cell import MARKED

AGREEING, DISAGREEING = "staffordshire_bull_terrier", "english_cocker_spaniel"


@pytest.fixture
def dock(qtbot) -> FileListDock:
    """The Images dock as the window has it, row 0 predicted as labelled, row 1 predicted a class no box has."""
    dock = FileListDock()
    qtbot.addWidget(dock)
    model = FileListModel(["Staffordshire_bull_terrier_100.jpg", "Bengal_1.jpg"], [True, True])
    for row, (labelled, predicted) in enumerate(((AGREEING, AGREEING), ("bengal", DISAGREEING))):
        model.set_ground_truth(row, labelled, Box(0, 0, 10, 10), False)
        model.set_prediction(row, predicted, 0.87, Box(0, 0, 10, 10))
    dock.view.setModel(model)
    model.setParent(dock.view)
    dock.resize(500, 300)
    dock.show()
    qtbot.waitExposed(dock)
    dock.view.setColumnWidth(COL_PRED, 72)
    return dock


def _option(dock: FileListDock, row: int) -> QStyleOptionViewItem:
    """The option the view paints the Predicted cell of ``row`` with (its elide mode the view's, first)."""
    view = dock.view
    index = view.model().index(row, COL_PRED)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect, option.widget = view.visualRect(index), view
    option.textElideMode, option.font = view.textElideMode(), view.font()
    view.itemDelegateForColumn(COL_PRED).initStyleOption(option, index)
    return option


def _painted(option: QStyleOptionViewItem, paint) -> QImage:
    image = QImage(option.rect.size(), QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    paint(painter)
    painter.end()
    return image


def test_file_names_still_keep_their_end(dock):
    assert dock.view.textElideMode() == Qt.ElideLeft
    # a name without folders: elided at the left, as the view does (one in a subfolder keeps its folder too:
    # test_list_subfolder_names_keep_their_folder)
    assert isinstance(dock.view.itemDelegateForColumn(COL_NAME), NameCellDelegate)
    metrics = QFontMetricsF(dock.view.font())
    name = "Staffordshire_bull_terrier_100.jpg"
    assert name_elided(name, metrics, 80) == metrics.elidedText(name, Qt.ElideLeft, 80)


def test_a_marked_class_name_keeps_its_mark_and_its_start(dock):
    option = _option(dock, 1)
    shown = dock.view.itemDelegateForColumn(COL_PRED).shown_text(option)
    assert shown.startswith(f"{MARKED}eng") and shown.endswith("…"), shown
    assert DISAGREE_MARK in shown and "spaniel" not in shown


def test_an_agreeing_class_name_is_painted_with_its_start(dock):
    """The pixels: the cell is painted as its name elided at the right is, not as "…ll_terrier"."""
    option = _option(dock, 0)
    index = dock.view.model().index(0, COL_PRED)
    style = dock.view.style()
    area = style.subElementRect(QStyle.SE_ItemViewItemText, option, dock.view)
    width = area.width() - 2 * (style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, dock.view) + 1)
    metrics = QFontMetrics(option.font)
    assert metrics.horizontalAdvance(AGREEING) > width  # too long for its cell: elided
    option.rect.moveTopLeft(QPoint(0, 0))
    cell = _painted(option, lambda p: dock.view.itemDelegateForColumn(COL_PRED).paint(p, option, index))

    def drawn(text: str) -> QImage:
        plain = QStyleOptionViewItem(option)
        plain.text = text
        return _painted(option, lambda p: style.drawControl(QStyle.CE_ItemViewItem, plain, p, dock.view))

    start = int(metrics.horizontalAdvance("sta")) + 6  # the margin and the name's first letters
    height = option.rect.height()
    assert cell.copy(0, 0, start, height) == drawn(metrics.elidedText(AGREEING, Qt.ElideRight, width)).copy(
        0, 0, start, height)
    assert cell.copy(0, 0, start, height) != drawn(metrics.elidedText(AGREEING, Qt.ElideLeft, width)).copy(
        0, 0, start, height)


def test_the_tooltip_names_an_agreeing_prediction_and_its_confidence(dock):
    model = dock.view.model()
    tip = model.data(model.index(0, COL_PRED), Qt.ToolTipRole)
    assert f"predicted {AGREEING}, confidence 0.87" in tip and "disagree" not in tip
    tip = model.data(model.index(1, COL_NAME), Qt.ToolTipRole)  # one tooltip for the row
    assert "labels disagree" in tip and f"predicted {DISAGREEING}, confidence 0.87" in tip
