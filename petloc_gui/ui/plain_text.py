"""Text shown by Qt as written, never as rich text.

Qt renders a tooltip or label as HTML when its first line looks like markup, so a class named
"<b>cat" came out bold and a one-problem-a-line tooltip ran its lines together. Tooltips built
from file names and labels go through ``as_plain``.
"""

from __future__ import annotations

import html


def as_plain(text: str) -> str:
    """``text`` as rich text that shows it literally, its line breaks kept ("" stays "": no tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"
