"""What runs killed mid-way leave in the version store's preset folders, and how it is removed (no Qt, no TensorFlow).

A run trains into a staging folder (``<preset>/.staging-*``) that the window commits or drops; a window killed
during the run (kill -9, a crash, a power cut: its training child dies with it) can do neither, and the folder
stayed until the day-old sweep (`sweep_day_old`), with the bundle temporary a kill during its write left beside it
(``..staging-*.<writer>.<8>.tmp``, a partial model.keras), on the disk that was often nearly full. The staging
folder's name now carries the window that made it (``.staging-<writer_tag>.<12 hex>``:
`core.abandoned_folders.writer_tag`), so the next start removes it at once when that process has ended
(`remove_ended_staging`), as the bundle's temporary is (`bundle_write.remove_aborted_writes`). One of a live window,
of another machine or pid namespace, or unnamed (earlier versions) waits for the day-old sweep.

Discard renames a version away to ``<preset>/.trash-<id>-<6 hex>`` before deleting it, and puts it back when a
running window's mark (`core.in_use_marks`) is found in it. The sweep deleted trash folders at any age without
looking: one whose put-back failed (its error names the folder) or one renamed away as the sweep ran went,
with the model another window had loaded. A trash folder with a live mark is kept now, and put back under its
version's name when that is free (`_keep_in_use`).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
import uuid
from pathlib import Path

from petloc_gui.core import in_use_marks
from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.stale import holds_only_bundle_files, remove_stale

STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
STALE_STAGING_SECONDS = 24 * 3600
_STAGING_OF_A_WRITER = re.compile(rf"{re.escape(STAGING_PREFIX)}{WRITER}\.[0-9a-f]{{12}}")
# `trash_name`'s: the version id (versions' id characters) and 6 hex, so a version id may hold dashes.
_TRASH = re.compile(rf"{re.escape(TRASH_PREFIX)}(?P<id>[A-Za-z0-9][A-Za-z0-9_.-]{{0,120}})-[0-9a-f]{{6}}")
_log = logging.getLogger(__name__)


def staging_name() -> str:
    """A new staging folder's name: ``.staging-<this process's writer tag>.<12 hex>``."""
    return f"{STAGING_PREFIX}{writer_tag()}.{uuid.uuid4().hex[:12]}"


def trash_name(version_id: str) -> str:
    """The name a version's folder is renamed to while Discard deletes it: ``.trash-<id>-<6 hex>``."""
    return f"{TRASH_PREFIX}{version_id}-{uuid.uuid4().hex[:6]}"


def remove_ended_staging(folder: Path) -> list[Path]:
    """Delete the staging folders in the preset folder ``folder`` whose window has ended (any age), each holding
    nothing but what a run writes there (a bundle, its record: `core.stale.holds_only_bundle_files`; a file of
    someone's put in it keeps it); return what was removed. A run killed while it compared the models leaves a
    whole bundle there: never committed (the window commits once its child has ended), never shown, so removed."""
    return remove_abandoned_folders(folder, _STAGING_OF_A_WRITER, contents=holds_only_bundle_files)


def sweep_day_old(folder: Path) -> list[Path]:
    """Leftovers of killed runs in ``folder`` old enough that no live run can own them: staging folders and
    save_bundle's own temporaries (`core.stale`), a day old; trash folders at any age, but for one a running
    window has marked (`_keep_in_use`)."""
    removed = remove_stale(folder, folders=True, store=False, max_age=STALE_STAGING_SECONDS)
    cutoff = time.time() - STALE_STAGING_SECONDS
    for child in folder.iterdir():
        try:
            if child.is_symlink():
                continue
            if child.name.startswith(TRASH_PREFIX):
                if _keep_in_use(child):
                    continue
            elif not child.name.startswith(STAGING_PREFIX) or child.stat().st_mtime >= cutoff:
                continue
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child)
        except OSError:
            pass
    return removed


def _keep_in_use(trash: Path) -> bool:
    """Whether the trash folder ``trash`` holds the mark of a window that may still run (`in_use_marks.users`):
    a Discard found it and could not put the folder back, or is about to. It is then renamed back to its version's
    name when that is free, and logged either way; marks of ended windows are removed by the look."""
    windows = in_use_marks.said(in_use_marks.users(trash))
    if not windows:
        return False
    match = _TRASH.fullmatch(trash.name)
    target = trash.parent / match.group("id") if match else None
    if target is None:
        why = "its name does not say its version"
    elif os.path.lexists(target):
        why = f"it cannot be put back: {target} is taken"
    else:
        try:
            rename_folder(trash, target)
            _log.warning("put back %s as %s: a discarded model version still in use (%s)", trash, target, windows)
            return True
        except OSError as exc:
            why = f"it could not be put back as {target}: {exc.strerror or exc}"
    _log.warning("kept %s, a discarded model version still in use (%s); %s. It is deleted at a start once no "
                 "window has it loaded.", trash, windows, why)
    return True
