"""Writing model bundles: ``meta.json`` (`write_meta`) and the whole folder (`save_bundle`).

A bundle is written to a temporary sibling folder and renamed into place, so a reader sees the old
bundle or the new one, never a half-written one. The temporary folder's name carries its writer
(`core.abandoned_folders`): a write whose process was ended (`petloc train` aborted) is removed by the
next write into the same folder. TensorFlow is not imported here: the model passed in saves itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.core.stale import holds_only_bundle_files, remove_stale
from petloc_gui.model.bundle import FORMAT_VERSION, META_FILE, MODEL_FILE, BundleError
from petloc_gui.model.untyped import KerasModel

# (training and `petloc train` take it from here)
from petloc_gui.model.version_id import new_version_id


def write_meta(folder: str | os.PathLike[str], meta: dict[str, Any]) -> None:
    """Write ``meta`` as the bundle folder's meta.json (sorted keys, atomically)."""
    atomic_write_bytes(Path(folder) / META_FILE, (json.dumps(meta, indent=2, sort_keys=True) + "\n").encode())


def save_bundle(model: Any, meta: dict[str, Any], out_dir: str | os.PathLike[str],
                extra_files: Mapping[str, Path] | None = None) -> Path:
    """Write ``model`` + ``meta`` as a bundle at ``out_dir`` (replaced atomically if it exists).

    ``extra_files`` (name in the bundle -> file to copy, a parent's refiner) are copied into the
    temporary folder before it is renamed: a bundle copied into afterwards was visible, and listed
    as a usable single-stage model, while its second stage was still being copied (or when the
    copy failed on a full disk).
    """
    target = Path(out_dir)
    meta = dict(meta)
    meta.setdefault("format_version", FORMAT_VERSION)
    meta.setdefault("created", datetime.now(UTC).isoformat(timespec="seconds"))
    meta.setdefault("version_id", new_version_id(meta.get("preset", "model")))
    try:  # a full disk fails here first: said as a failure to save the bundle, naming its folder
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(target.parent, folders=True, store=False)  # killed saves', a day old (not the store's)
        remove_aborted_writes(target.parent)  # any age, their process ended
        tmp = Path(tempfile.mkdtemp(prefix=_temporary_prefix(target, writer_tag()), suffix=".tmp",
                                    dir=target.parent))
    except OSError as exc:
        raise BundleError(f"cannot save the model bundle: {exc.strerror or exc}", target) from exc
    backup: Path | None = None
    try:
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private; a bundle is an ordinary folder
        with without_optimizer(model):
            model.save(tmp / MODEL_FILE)
        for name, source in (extra_files or {}).items():
            shutil.copy2(source, tmp / name)
        write_meta(tmp, meta)
        if target.exists():
            backup = target.parent / f"{_temporary_prefix(target, writer_tag())}{uuid.uuid4().hex[:8]}.old"
            rename_folder(target, backup)  # retried: Windows' virus scanner may hold a file in it open
        rename_folder(tmp, target)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if backup is not None and not target.exists():
            rename_folder(backup, target)
        if isinstance(exc, PetlocError):
            raise
        # An OSError's own file name is the temporary folder, or the file copied from (a full disk
        # named the bundled model's refine.keras): the target is the folder to free space for.
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise BundleError(f"cannot save the model bundle: {reason}", target) from exc
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
    return target


def _temporary_prefix(target: Path, writer: str) -> str:
    """How the names of `save_bundle`'s temporary folders beside ``target`` begin: ``.NAME.WRITER.`` (then 8
    random characters, ``.tmp`` or ``.old``), ``WRITER`` the process writing (`writer_tag`), so that
    `remove_aborted_writes` can tell the folder of a write whose process has ended. `remove_abandoned_save`
    and `core.stale` find them by it, and those of earlier versions, named ``.NAME.XXXXXXXX.tmp``."""
    return f".{target.name}.{writer}."


# A bundle being written by a writer that may have ended (only .tmp: an .old is the bundle replaced, the only
# copy left when the process ended between save_bundle's two renames, kept for the day-old sweep).
_WRITE_IN_PROGRESS = re.compile(rf"\..+\.{WRITER}\.[a-z0-9_]{{8}}\.tmp")


def remove_aborted_writes(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete the temporary folders in ``folder`` of bundles whose writing process has ended before their
    rename (`petloc train` aborted by a second Ctrl+C or a SIGTERM, which ends the process at once; a
    crash): a partial model.keras that stayed in --out; return what was removed. A write of a live
    process, or of another machine, is kept, and so is a folder holding anything a save does not write
    (someone's file put in it): the day-old sweep's rule."""
    return remove_abandoned_folders(folder, _WRITE_IN_PROGRESS, contents=holds_only_bundle_files)


def remove_abandoned_save(out_dir: str | os.PathLike[str]) -> list[Path]:
    """Delete what a `save_bundle` into ``out_dir`` left when its process was killed: the bundle being
    written (``.NAME.WRITER.XXXXXXXX.tmp``, a partial model.keras) and the folder it was replacing, renamed
    away for a moment (``.NAME.WRITER.XXXXXXXX.old``; both without ``WRITER.`` from earlier versions); return
    what was removed.

    Only for a bundle given up, whose writer has ended (a failed or cancelled run's staging folder): the
    sweep of stale temporaries (`core.stale`) waits a day because it cannot know that. Other targets'
    temporaries are kept; symbolic links are not followed; errors are skipped (this is housekeeping)."""
    target = Path(out_dir)
    ours = re.compile(re.escape(f".{target.name}.") + rf"(?:{WRITER}\.)?[a-z0-9_]{{8}}\.(?:tmp|old)")
    removed: list[Path] = []
    try:
        with os.scandir(target.parent) as entries:
            left = [Path(entry.path) for entry in entries
                    if ours.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
    except OSError:
        return removed
    for folder in left:
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _umask() -> int:
    os.umask(current := os.umask(0))  # read by setting it, then put back
    return current


@contextlib.contextmanager
def without_optimizer(model: KerasModel) -> Iterator[KerasModel]:
    """Save without optimizer state (3x smaller file); the model keeps its optimizer."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is None:
        yield model
        return
    model.optimizer = None
    try:
        yield model
    finally:
        model.optimizer = optimizer
