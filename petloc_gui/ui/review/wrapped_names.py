"""Class names inside a line of running text (the Dataset panel's "classes: …"), shown so that the line
wraps and reads in order.

A name Qt cannot break (80 characters, or underscores and no space: "american_staffordshire_terrier…")
set the width of its label, and so of the whole Dataset panel: wider than its dock, every line was cut at
its edge and a horizontal scrollbar appeared. A right-to-left name (Hebrew, Arabic) took the commas and
the names beside it into its own direction ("…, كلب ,2 קטן ,כלב, 猫"). Only the text shown changes:
zero-width break opportunities in long names, and a right-to-left name isolated (U+2068 … U+2069).
"""

from __future__ import annotations

import unicodedata

from petloc_gui.ui.wrap_points import BREAK, BREAK_EVERY, breakable

__all__ = ["BREAK", "BREAK_EVERY", "FIRST_STRONG_ISOLATE", "POP_DIRECTIONAL_ISOLATE", "wrappable"]

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
_RIGHT_TO_LEFT = frozenset(("R", "AL", "AN"))


def wrappable(name: str) -> str:
    """``name`` as shown in running text: breakable every `BREAK_EVERY` characters at most (after "_"
    first) when longer (`wrap_points.breakable`), and isolated when it holds right-to-left letters."""
    shown = breakable(name)
    if any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in name):
        return f"{FIRST_STRONG_ISOLATE}{shown}{POP_DIRECTIONAL_ISOLATE}"
    return shown
