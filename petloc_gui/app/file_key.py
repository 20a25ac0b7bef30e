"""The cache key of an image file: its path and modification time (no Qt)."""

from __future__ import annotations

import os
from pathlib import Path


def file_key(path: Path) -> tuple[str, int]:
    """(path, mtime_ns); mtime -1 when the file cannot be stat'ed."""
    try:
        return (str(path), os.stat(path).st_mtime_ns)
    except OSError:
        return (str(path), -1)


def may_cache(path: Path, key: tuple[str, int], failed: bool) -> bool:
    """Whether a result read from ``path``, whose key was ``key`` before the read, may be cached.

    A success always may. A failure only if the file did not change while it was read:
    one deleted meanwhile (moved back later with its old time), or read half-copied,
    is read again when next asked for instead of being served the error for good.
    """
    return not failed or file_key(path) == key
