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

BREAK = "\u200b"  # zero width space: a place the line may wrap, nothing drawn
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
BREAK_EVERY = 16  # characters with no place to wrap, at most; a name no longer is shown as it is
_BREAKS_AFTER = frozenset(" -_/.")  # a break after these reads naturally ("_" is the one Qt does not break at)
_RIGHT_TO_LEFT = frozenset(("R", "AL", "AN"))


def wrappable(name: str) -> str:
    """``name`` as shown in running text: breakable every `BREAK_EVERY` characters at most (after "_"
    first) when longer, and isolated when it holds right-to-left letters."""
    shown = _breakable(name) if len(name) > BREAK_EVERY else name
    if any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in name):
        return f"{FIRST_STRONG_ISOLATE}{shown}{POP_DIRECTIONAL_ISOLATE}"
    return shown


def _breakable(name: str) -> str:
    out: list[str] = []
    run = 0  # characters since the last place the line may wrap
    for i, char in enumerate(name):
        out.append(char)
        run = 0 if char.isspace() else run + 1
        following = name[i + 1] if i + 1 < len(name) else ""
        # never between a letter and its accent, or inside a joined emoji
        if not following or following.isspace() or unicodedata.combining(following) \
                or unicodedata.category(following) in ("Mn", "Mc", "Me") or "\u200d" in (char, following):
            continue
        if (char in _BREAKS_AFTER and char != " ") or run >= BREAK_EVERY:
            out.append(BREAK)
            run = 0
    return "".join(out)
