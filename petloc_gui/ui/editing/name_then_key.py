"""How Edit → Classes… draws a class: its name elided in the middle, then its "key N" whole."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem


class NameThenKey(QStyledItemDelegate):
    """Draws a class as its name elided in the middle to the room its "key N" leaves, then the key.

    QListView lays an item out at its size hint's width: a name wider than the screen made its item 2211 px
    in a 674 px list, cut at the edge (a horizontal scroll bar to reach the rest), and ElideMiddle never
    applied: "x…x_v1" and "x…x_v10" read the same, their keys out of sight. Here an item is no wider than
    the list, and the key is never what gives way."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # Qt's name
        hint = super().sizeHint(option, index)
        hint.setWidth(min(hint.width(), self._view.viewport().width()))
        return hint

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # Qt's name
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = self.shown_text(shown, index)
        style = shown.widget.style() if shown.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)

    def shown_text(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> str:
        """The item's text as drawn in ``option.rect`` (``option`` as `initStyleOption` leaves it): whole, or
        its name elided in the middle and then its "key N" whole, where the room allows."""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        # the room the style draws in (QCommonStyle keeps a focus frame's margin, and 1 px, inside the text
        # rect): measured wider, the style elided the elided name again ("x…x…x_v1")
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget).width() - 2 * margin
        metrics = QFontMetricsF(option.font)  # fractional, as the style measures
        text, name = option.text, index.data(Qt.ItemDataRole.UserRole)
        if metrics.horizontalAdvance(text) <= room:
            return text
        key = text[len(name):] if isinstance(name, str) and text.startswith(name) else ""
        name_room = room - metrics.horizontalAdvance(key)
        if not key or name_room < metrics.horizontalAdvance("x…x"):  # no room for a name beside its key
            return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
        return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, name_room) + key
