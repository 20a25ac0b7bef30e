"""What another program did to an annotation file open here, and the words the window says it in (no Qt).

Two `core.disk_state.DiskState` tell it: the file as read (``exists`` False when there was none) and as
found now. The window said "changed on disk by another program since you opened it" of every case: of a
file deleted too (its "Take theirs" then showed an empty annotation without saying the file was gone), and
of one created where there was none (`petloc predict --write-voc` writing a pre-label beside an image the
user had drawn on, unsaved). A file deleted and created again between two looks is a changed one: the
states cannot tell it from a rewrite (an atomic save is one too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from petloc_gui.core.disk_state import DiskState

CHANGED, DELETED, CREATED = "changed", "deleted", "created"

_WORDS = {
    CHANGED: "changed on disk by another program",
    DELETED: "deleted by another program",
    CREATED: "created by another program (there was none when you opened it)",
}


def change_kind(read: DiskState | None, now: DiskState | None) -> str:
    """CHANGED, DELETED or CREATED: the file as ``read`` against the file ``now`` (either unknown, None:
    CHANGED, the least said)."""
    if read is not None and now is not None and read.exists != now.exists:
        return DELETED if read.exists else CREATED
    return CHANGED


def change_words(read: DiskState | None, now: DiskState | None) -> str:
    """The change as said after "the file was": "deleted by another program", and so on."""
    return _WORDS[change_kind(read, now)]
