"""What runs killed mid-way leave in the version store's preset folders, and how it is removed (no Qt, no TensorFlow).

A run trains into a staging folder (``<preset>/.staging-*``) that the window commits or drops; a window killed
during the run (kill -9, a crash, a power cut: its training child dies with it) can do neither, and the folder
stayed until the day-old sweep (`sweep_day_old`), with the bundle temporary a kill during its write left beside it
(``..staging-*.<writer>.<8>.tmp``, a partial model.keras), on the disk that was often nearly full. The staging
folder's name now carries the window that made it (``.staging-<writer_tag>.<12 hex>``:
`core.abandoned_folders.writer_tag`), so the next start removes it at once when that process has ended
(`remove_ended_staging`), as the bundle's temporary is (`bundle_write.remove_aborted_writes`). One of a live window,
of another machine or pid namespace, or unnamed (earlier versions) waits for the day-old sweep.
"""

from __future__ import annotations

import re
import shutil
import time
import uuid
from pathlib import Path

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag
from petloc_gui.core.stale import holds_only_bundle_files, remove_stale

STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
STALE_STAGING_SECONDS = 24 * 3600
_STAGING_OF_A_WRITER = re.compile(rf"{re.escape(STAGING_PREFIX)}{WRITER}\.[0-9a-f]{{12}}")


def staging_name() -> str:
    """A new staging folder's name: ``.staging-<this process's writer tag>.<12 hex>``."""
    return f"{STAGING_PREFIX}{writer_tag()}.{uuid.uuid4().hex[:12]}"


def remove_ended_staging(folder: Path) -> list[Path]:
    """Delete the staging folders in the preset folder ``folder`` whose window has ended (any age), each holding
    nothing but what a run writes there (a bundle, its record: `core.stale.holds_only_bundle_files`; a file of
    someone's put in it keeps it); return what was removed. A run killed while it compared the models leaves a
    whole bundle there: never committed (the window commits once its child has ended), never shown, so removed."""
    return remove_abandoned_folders(folder, _STAGING_OF_A_WRITER, contents=holds_only_bundle_files)


def sweep_day_old(folder: Path) -> list[Path]:
    """Leftovers of killed runs in ``folder`` old enough that no live run can own them: staging and trash folders
    and save_bundle's own temporaries (`core.stale`), a day old; trash folders at any age."""
    removed = remove_stale(folder, folders=True, max_age=STALE_STAGING_SECONDS)
    cutoff = time.time() - STALE_STAGING_SECONDS
    for child in folder.iterdir():
        if child.name.startswith((STAGING_PREFIX, TRASH_PREFIX)):
            try:
                if child.stat().st_mtime < cutoff or child.name.startswith(TRASH_PREFIX):
                    shutil.rmtree(child, ignore_errors=True)
                    removed.append(child)
            except OSError:
                pass
    return removed
