"""The image panel header's rich-text pieces: names escaped (and elided) for it, its line's direction."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from petloc_gui.core.text import visible


def header_escaped(text: str, metrics: QFontMetrics | None = None, width: int | None = None,
                   mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> str:
    """A file name or label for the rich-text header: escaped for HTML and the terminal sense;
    given a width (and the font's ``metrics``), elided to it (in its middle, or as ``mode`` says)."""
    shown = visible(text)
    if metrics is not None and width is not None:
        shown = metrics.elidedText(shown, mode, width)
    return html.escape(shown)


def left_to_right(line: str) -> str:
    """The header's rich text laid out left to right, as its English words read: Qt takes a rich text's
    direction from its first letter, isolated names included, so "תמונה 2.png" first made the whole line
    right to left. Its names are set apart (`isolated`) within it."""
    return f"<div dir='ltr'>{line}</div>"
