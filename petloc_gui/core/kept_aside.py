"""A damaged file of petloc's own (remembered models, settings) kept aside instead of overwritten.

Read as empty and written over, a damaged file lost everything it still held (every other folder's
remembered model, for a trailing comma). As VS Code and labelme do with a corrupt settings file, it is
renamed beside itself, ``NAME.damaged-YYYYMMDD-HHMMSS``, so the user can repair it and nothing is lost.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

SUFFIX = ".damaged-"


def keep_aside(path: str | os.PathLike[str], now: float | None = None) -> Path:
    """Rename ``path`` to ``NAME.damaged-<local time>`` in its folder (``-2``, ``-3`` ... when that name is
    taken: an earlier copy is never replaced) and return the new path. Raises OSError when it cannot."""
    path = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    base = path.with_name(f"{path.name}{SUFFIX}{stamp}")
    aside, number = base, 1
    while aside.exists() or aside.is_symlink():
        number += 1
        aside = base.with_name(f"{base.name}-{number}")
    os.rename(path, aside)
    return aside
