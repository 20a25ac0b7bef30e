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
