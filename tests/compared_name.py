"""A class name that counts the comparisons made of it, for tests that a scan over classes stays linear
(counted, not timed)."""

from __future__ import annotations


class Compared(str):
    """A class name that counts the comparisons made of it (a list's ``in`` makes one per class it passes)."""

    count = 0

    def __eq__(self, other: object) -> bool:
        Compared.count += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__
