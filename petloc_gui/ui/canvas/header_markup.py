"""The image panel header's rich-text pieces: names escaped (and elided) for it, what it says of an image with no
box (`no_box_said`), its line's direction."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from petloc_gui.app.annotation_look import unread_reason
from petloc_gui.core.text import visible

if TYPE_CHECKING:
    from petloc_gui.app.image_document import ImageDocument


def header_escaped(text: str, metrics: QFontMetrics | None = None, width: int | None = None,
                   mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> str:
    """A file name or label for the rich-text header: escaped for HTML and the terminal sense;
    given a width (and the font's ``metrics``), elided to it (in its middle, or as ``mode`` says)."""
    shown = visible(text)
    if metrics is not None and width is not None:
        shown = metrics.elidedText(shown, mode, width)
    return html.escape(shown)


def no_box_said(doc: ImageDocument, short: bool, bad_tone: str) -> str:
    """The header's ground truth for an image with no box: "none" only where the file was read (or there
    is none). One that could not be read (a permission, a folder unreadable for a moment, an I/O error, a
    half-written file: `unread_reason`) was said "GT: none", a claim of no box the window cannot make while
    its list row said error; it is said unreadable, with the system's reason unless ``short``."""
    reason = unread_reason(doc)
    if reason is None:
        return "GT: <i>none</i>"
    why = f" ({header_escaped(reason)})" if reason and not short else ""
    return f"GT: <span style='color:{bad_tone}'>unreadable{why}</span>"


def left_to_right(line: str) -> str:
    """The header's rich text laid out left to right, as its English words read: Qt takes a rich text's
    direction from its first letter, isolated names included, so "תמונה 2.png" first made the whole line
    right to left. Its names are set apart (`isolated`) within it."""
    return f"<div dir='ltr'>{line}</div>"
