"""The Images list's Predicted cell: a class name keeps its start, and its ≠ mark, whatever the column's width.

The list elides a text too long for its cell at the left, so that a long file name keeps its end
(`file_list_dock`). A class name cut so lost what tells it apart: "…rthair", and Oxford's five
"_terrier" classes all read "…terrier". This delegate, for the Predicted column, elides at the right
("english_coc…"). A predicted label no box has is shown "≠ bengal cat" (`file_list.DISAGREE_MARK`):
the mark is what says so without colour (WCAG 1.4.1), so the label after it is elided alone
("≠ bengal…"); the mark goes only when even it does not fit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from petloc_gui.ui.review.file_list import DISAGREE_MARK

MARKED = f"{DISAGREE_MARK} "  # how a marked cell's text begins
CLASS_NAME_ELIDE = Qt.TextElideMode.ElideRight  # a class name is told apart by its start


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
    """Paints a Predicted cell elided at the right (`CLASS_NAME_ELIDE`), with `mark_kept`'s text (the
    model's text, the mark in it, is left as is: what a screen reader and the tooltip read)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.textElideMode = CLASS_NAME_ELIDE  # not the view's, which is the file names'
        shown.text = self.shown_text(shown)
        self._style(shown).drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)

    def shown_text(self, option: QStyleOptionViewItem) -> str:
        """The text painted in ``option.rect`` (its cell): the style's text area, less the margins it
        keeps on each side (QCommonStyle's viewItemDrawText), is the width it elides to."""
        style = self._style(option)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        return mark_kept(option.text, QFontMetricsF(option.font), area.width() - 2 * margin, CLASS_NAME_ELIDE)

    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        return option.widget.style() if option.widget is not None else QApplication.style()
