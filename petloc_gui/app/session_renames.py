"""The classes renamed with Edit → Classes while a folder is open: what the Retrain dialog offers (ADR 0011).

A fine-tune told that a class was renamed starts the new name from the old name's weights
(`model.class_renames`); the dialog prefills "renamed from <old>" from this record. A chain of renames
(a → b, then b → c) is one rename, a → c; renamed back (a → b → a), none. No Qt, no TensorFlow.
"""

from __future__ import annotations


class SessionRenames:
    """``{name the folder's boxes had: the name they have now}`` for the classes renamed this session."""

    def __init__(self) -> None:
        self._now: dict[str, str] = {}

    def renamed(self, old: str, new: str) -> None:
        """Class ``old`` was renamed ``new``: a class that became ``old`` earlier becomes ``new``."""
        if old == new:
            return
        earlier = [first for first, now in self._now.items() if now == old]
        for first in earlier or [old]:
            if first == new:  # back to the name it had
                self._now.pop(first, None)
            else:
                self._now[first] = new

    def as_dict(self) -> dict[str, str]:
        """``{first name: name now}``: a copy."""
        return dict(self._now)
