"""The order people expect names in: ``img2`` before ``img10``.

The index, the export formats and the command line's lists all sort images by it, so each shows
one folder in one order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_split_digits = re.compile(r"(\d+)").split


def natural_key(text: str) -> tuple:
    """Sort key putting ``img2`` before ``img10`` (case-insensitive)."""
    # Casefolded whole, then split: casefold maps each character alone, keeps every digit and makes
    # none (tests/core/test_natural_key_whole.py checks every code point), so the parts are those of
    # the name split first and casefolded part by part, without a generator over them (an index of
    # 20,000 names: 44 ms -> 32 ms).
    parts: list = _split_digits(text.casefold())
    # re.split alternates text and digits, so ints and strs never meet in a comparison.
    for i in range(1, len(parts), 2):
        parts[i] = int(parts[i])
    return tuple(parts)


def natural_order(names: Iterable[str]) -> list[str]:
    """Class (or breed) names as the rest of petloc lists names: class2 before class10, the name
    itself breaking ties."""
    return sorted(names, key=lambda name: (natural_key(name), name))
