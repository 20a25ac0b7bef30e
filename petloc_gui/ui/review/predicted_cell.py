"""The Images list's Predicted cell: its ≠ mark kept whatever the column's width.

A predicted label no box has is shown "≠ bengal cat" (`file_list.DISAGREE_MARK`): the mark is what
says so without colour (WCAG 1.4.1). The list elides a text too long for its cell at the left, so
that a long file name keeps its end (`file_list_dock`), and that cut the mark first: "…ngal cat", only
the red left. This delegate, for the Predicted column, elides the label after the mark alone, the way
the view elides any other cell ("≠ …gal cat"); the mark goes only when even it does not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from petloc_gui.ui.review.file_list import DISAGREE_MARK

MARKED = f"{DISAGREE_MARK} "  # how a marked cell's text begins


def mark_kept(text: str, metrics: QFontMetricsF, width: float, mode: Qt.TextElideMode) -> str:
    """``text`` as it fits in ``width``: unchanged when it fits or has no mark, else the mark and its
    label elided by ``mode``."""
    if not text.startswith(MARKED) or metrics.horizontalAdvance(text) <= width:
        return text
    label = text[len(MARKED):]
    room = width - metrics.horizontalAdvance(MARKED)
    shown = MARKED + metrics.elidedText(label, mode, max(room, 0.0))
    while metrics.horizontalAdvance(shown) > width and room > 0:  # kerning between the parts: a pixel less
        room -= 1
        shown = MARKED + metrics.elidedText(label, mode, max(room, 0.0))
    return shown


class PredictedCellDelegate(QStyledItemDelegate):
    """Paints a Predicted cell with `mark_kept`'s text (the model's text, the mark in it, is left as is:
    what a screen reader and the tooltip read)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = self.shown_text(shown)
        self._style(shown).drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)

    def shown_text(self, option: QStyleOptionViewItem) -> str:
        """The text painted in ``option.rect`` (its cell): the style's text area, less the margins it
        keeps on each side (QCommonStyle's viewItemDrawText), is the width it elides to."""
        style = self._style(option)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        return mark_kept(option.text, QFontMetricsF(option.font), area.width() - 2 * margin, option.textElideMode)

    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        return option.widget.style() if option.widget is not None else QApplication.style()
