"""Text shown by Qt as written, never as rich text.

Qt renders a tooltip or label as HTML when its first line looks like markup, so a class named
"<b>cat" came out bold and a one-problem-a-line tooltip ran its lines together. Tooltips built
from file names and labels go through ``as_plain``; a message box's text Qt lays out itself
(``QMessageBox.question`` and its kin, which take no text format) through ``literal``.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt as GuiQt  # (mightBeRichText is QtGui's)


def as_plain(text: str) -> str:
    """``text`` as rich text that shows it literally, its line breaks kept ("" stays "": no tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"


def literal(text: str) -> str:
    """``text`` for a place that guesses its format (Qt's AutoText), shown as written: unchanged where Qt
    takes it for plain text, else as rich text that shows it literally (`as_plain`). A file "a<br>b.xml" in
    "a<br>b.xml cannot be read" broke the line there; "<img src=…>" had Qt load a local file."""
    return as_plain(text) if GuiQt.mightBeRichText(text) else text
