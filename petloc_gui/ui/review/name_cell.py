"""The Images list's Name cell: a name in a subfolder keeps its first folder and its file name's end.

The list elides a long name at its left (`file_list_dock`): in a big folder the names share their start
("a_train_000…") and their end, the number, tells the rows apart. A name with folders (a VOC devkit's
``day/Abyssinian_148.jpg``, `app.list_names`) so lost exactly its folder: it and ``Abyssinian_148.jpg`` both read
"…yssinian_148.jpg". Here such a name keeps its first folder (up to `FOLDER_SHARE` of the cell, elided at its end
beyond) and then the end of the rest, elided at its left: "day/…yssinian_148.jpg", "day/…/Abyssinian_148.jpg". A
name without folders is elided at its left, as before.
"""

from __future__ import annotations

import os
import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetricsF, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

FOLDER_SHARE = 0.4  # at most this part of the cell for the first folder: the file name's end needs the rest
SEPARATORS = {"/", os.sep}  # how the list's names join their folders (`list_names.shown_names`)


def first_folder(name: str) -> tuple[str, str]:
    """``name``'s first folder with its separator ("day/"), and the rest; ("", name) for a name without folders."""
    at = min((name.find(sep) for sep in SEPARATORS if sep in name), default=-1)
    return (name[:at + 1], name[at + 1:]) if at > 0 else ("", name)


def name_elided(name: str, metrics: QFontMetricsF, width: float) -> str:
    """``name`` as it fits ``width``: whole; its end, elided at its left, for a name without folders; else its first
    folder (elided at its end beyond `FOLDER_SHARE` of the width) and the end of the rest."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    folder, rest = first_folder(name)
    if not folder:
        return metrics.elidedText(name, Qt.TextElideMode.ElideLeft, width)
    if metrics.horizontalAdvance(folder) > width * FOLDER_SHARE:
        sep = folder[-1]
        folder = metrics.elidedText(folder[:-1], Qt.TextElideMode.ElideRight,
                                    width * FOLDER_SHARE - metrics.horizontalAdvance(sep)) + sep
    room = width - metrics.horizontalAdvance(folder)
    shown = folder + metrics.elidedText(rest, Qt.TextElideMode.ElideLeft, max(room, 0.0))
    while metrics.horizontalAdvance(shown) > width and room > 0:  # kerning between the parts: a pixel less
        room -= 1
        shown = folder + metrics.elidedText(rest, Qt.TextElideMode.ElideLeft, max(room, 0.0))
    return shown


def text_direction(text: str) -> Qt.TextFlag:
    """The direction a name reads in, from its first strong character (left to right with none), as drawText's
    flag: "תמונה 2.png" right to left, "test_00000_digit0.png" left to right whatever the layout's direction. (The
    status line's sentences are drawn left to right: `status_line.text_flags`.)"""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.TextFlag.TextForceRightToLeft
        if kind == "L":
            return Qt.TextFlag.TextForceLeftToRight
    return Qt.TextFlag.TextForceLeftToRight


def text_layout_direction(text: str) -> Qt.LayoutDirection:
    """The direction ``text`` reads in (`text_direction`: its first strong character, left to right with none), as
    a style option's ``direction``."""
    if text_direction(text) == Qt.TextFlag.TextForceRightToLeft:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


class NameCellDelegate(QStyledItemDelegate):
    """Paints a Name cell elided by `name_elided` (the model's text, the whole name, is left as is: what a screen
    reader and the tooltip read), in the name's own direction at the place the layout gives it: an item view draws
    a cell in the view's layout direction, and under `petloc-gui -reverse` an elided left-to-right name read
    "digit0.png_0…" (its neutral characters reordered) while the header over the image read it right."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        # the alignment made absolute first, else a left-to-right name in a right-to-left layout moves to the left
        option.displayAlignment = QStyle.visualAlignment(option.direction, option.displayAlignment)
        option.direction = text_layout_direction(option.text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        shown.text = self.shown_text(shown)
        self._style(shown).drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)

    def shown_text(self, option: QStyleOptionViewItem) -> str:
        """The text painted in ``option.rect`` (its cell): the style's text area, less the margins it keeps on each
        side (QCommonStyle's viewItemDrawText), is the width it elides to."""
        style = self._style(option)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
        return name_elided(option.text, QFontMetricsF(option.font), area.width() - 2 * margin)

    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        return option.widget.style() if option.widget is not None else QApplication.style()
