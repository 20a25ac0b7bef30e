"""Renaming a folder just written into: retried for about a second while the system says "Access is denied".

On Windows a virus scanner or the search indexer opens the files a program has just written, and while
one holds a file open, renaming the folder it is in fails with PermissionError ("Access is denied") until
it lets go, usually within a fraction of a second (pip and conda retry for the same reason). Elsewhere a
PermissionError lasts, and the retries only delay the same error by a second.

`core.atomic` replaces a file just written through the same retry on Windows (there only: elsewhere a save
says a refusal at once), so files and folders share one rule.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

PAUSES = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25)  # seconds between tries: about one second in all


def rename_folder(source: Any, target: Any, rename: Callable[[Any, Any], None] | None = None) -> None:
    """``rename(source, target)`` (default ``os.replace``), tried again after each pause while it raises
    PermissionError; the last try's error is raised as it is. Any other error is raised at once."""
    rename = rename or os.replace
    for pause in PAUSES:
        try:
            rename(source, target)
            return
        except PermissionError:
            time.sleep(pause)
    rename(source, target)
