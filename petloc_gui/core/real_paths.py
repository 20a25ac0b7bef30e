"""Where a path lies inside a folder once symbolic links on both are resolved."""

from __future__ import annotations

import os
from pathlib import Path


def part_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> Path | None:
    """``path`` relative to ``folder`` after both are resolved (``Path(".")`` for the folder
    itself), or None when it lies outside: the same image reached through a link to the
    folder, or through the folder reached by a link, is found inside it. None too for a path
    that cannot be resolved (a NUL in it: `realpath` raises ValueError as `relative_to` does)."""
    try:
        return Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return None
