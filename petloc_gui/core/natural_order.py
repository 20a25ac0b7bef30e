"""The order people expect names in: ``img2`` before ``img10``.

The index, the export formats and the command line's lists all sort images by it, so each shows
one folder in one order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key putting ``img2`` before ``img10`` (case-insensitive)."""
    parts = _DIGITS.split(text)
    # re.split alternates text and digits, so ints and strs never meet in a comparison.
    return tuple(int(part) if i % 2 else part.casefold() for i, part in enumerate(parts))


def natural_order(names: Iterable[str]) -> list[str]:
    """Class (or breed) names as the rest of petloc lists names: class2 before class10, the name
    itself breaking ties."""
    return sorted(names, key=lambda name: (natural_key(name), name))
