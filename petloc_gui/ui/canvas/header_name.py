"""The image's name in the header over the panes, cut where its line has no room for it whole: its end kept.

Elided in its middle, at scale 1.5 in a 1342-px window the header named Abyssinian_117.jpg "Abyss…7.jpg": the number
that tells a folder's images apart went into the "…" (117 and 127 read the same). Cut here, a name keeps its
distinguishing end whole, its last number and its extension ("Abys…_117.jpg"), and the rest is elided in its middle;
a name narrower still keeps as much of its end as fits ("…17.jpg"), as the image list does (`review.name_cell`).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

ELLIPSIS = "…"
TAIL_CHARS = 16  # a tail no longer: past it, the extension alone
LAST_NUMBER = re.compile(r"\d+\D*$")  # the last run of digits and what follows it ("117", "0042 (copy)")
EXTENSION = re.compile(r"\.[^./\\]*$")


def name_tail(name: str) -> str:
    """What tells ``name`` from its neighbours: its stem's last number and all after it ("117.jpg", "0042 (2).png"),
    or its extension where that is far from its end (".png"), or nothing (a long extension: the name's middle)."""
    extension = EXTENSION.search(name)
    ending = extension.group() if extension is not None else ""
    number = LAST_NUMBER.search(name[:len(name) - len(ending)])
    tail = (number.group() if number is not None else "") + ending
    return next((end for end in (tail, ending) if len(end) <= TAIL_CHARS), "")


def least_name_width(name: str, metrics: QFontMetrics) -> int:
    """The width ``name`` keeps its end whole at: "…" and its tail (`name_tail`)."""
    return metrics.horizontalAdvance(ELLIPSIS + name_tail(name))


def name_elided(name: str, metrics: QFontMetrics, width: int) -> str:
    """``name`` as it fits ``width``: whole; its start elided in its middle, then its tail (`name_tail`) whole; or,
    where not even "…" and the tail fit, its end elided at its left."""
    if metrics.horizontalAdvance(name) <= width:
        return name
    tail = name_tail(name)
    room = width - metrics.horizontalAdvance(tail)
    if not tail or room < metrics.horizontalAdvance(ELLIPSIS):
        return metrics.elidedText(name, Qt.TextElideMode.ElideLeft if tail else Qt.TextElideMode.ElideMiddle, width)
    return metrics.elidedText(name[:-len(tail)], Qt.TextElideMode.ElideMiddle, room) + tail
