"""Work around PySide6 refcount bugs that kill Python 3.11 processes.

With PySide6 6.12 on Python < 3.12, every ``signal.emit(...)`` called from
Python returns ``True`` without taking a reference to it, so each emit
decrements ``True``'s reference count; a similar leak hits ``None`` (seen
after a few thousand item-model calls). When a count reaches zero the
interpreter aborts ("Fatal Python error: bool_dealloc" / "none_dealloc").
From Python 3.12 on these singletons are immortal and the bugs are harmless.

The fix, applied once on CPython < 3.12: give ``True``, ``False`` and
``None`` so many extra references that their counts cannot reach zero,
which is what Python 3.12 does for every build. They are never freed
anyway, so nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA_REFS = 1 << 40
_applied = False


def apply() -> bool:
    """Apply the workaround if this PySide6/Python pair needs it; True if applied."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _applied
    for value in (True, False, None):
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA_REFS
    _applied = True
    return _applied
