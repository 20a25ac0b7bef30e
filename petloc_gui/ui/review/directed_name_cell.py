"""The Images list's Name cell drawn in its name's own direction, at the place the layout's direction gives it.

An item view draws a cell's text in the option's ``direction``, the view's layout direction. In a right-to-left
layout (`petloc-gui -reverse`) that reordered the neutral characters (_ . digits) of a left-to-right name:
``test_00000_digit0.png`` elided to its end read "digit0.png_0…", its "…" after the extension, while the header over
the image read it right. Here the direction is the name's (`status_line.text_direction`: its first strong
character, left to right with none), and the alignment is made absolute first, so that the cell still sits where the
layout puts it (at the right in a right-to-left layout).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from petloc_gui.ui.review.name_cell import NameCellDelegate
from petloc_gui.ui.status_line import text_direction


def text_layout_direction(text: str) -> Qt.LayoutDirection:
    """The direction ``text`` reads in (`text_direction`), as a style option's ``direction``."""
    if text_direction(text) == Qt.TextFlag.TextForceRightToLeft:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def in_own_direction(option: QStyleOptionViewItem) -> None:
    """Set ``option`` to draw its text in the text's own direction, its alignment where the option's direction (the
    view's layout) put it: made absolute before the direction changes, else a left-to-right name in a right-to-left
    layout would move to the cell's left."""
    option.displayAlignment = QStyle.visualAlignment(option.direction, option.displayAlignment)
    option.direction = text_layout_direction(option.text)


class DirectedNameCellDelegate(NameCellDelegate):
    """`NameCellDelegate` with each name in its own direction (`in_own_direction`); its elision is unchanged."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        in_own_direction(option)
