"""Removing temporaries that petloc itself left behind (killed mid-save, crashed training).

Only names petloc creates are touched, and only when older than a day, so no
live save or training run can own them:

- ``.NAME.XXXXXXXX.tmp`` files: :func:`core.atomic.atomic_write_bytes`
  (``NAME`` is the target's name cut to 32 characters, ``XXXXXXXX`` the
  8 random hex characters atomic_write_bytes picks before it makes the file);
- ``.NAME.PID.petloc-new`` files: ``petloc predict --write-voc`` pre-labels
  and ``petloc convert`` (new VOC files, YOLO label files, and image copies
  as ``.NAME.XXXXXXXX.PID.petloc-new``: core.interop.files);
- ``.NAME.WRITER.XXXXXXXX.tmp`` / ``.NAME.WRITER.XXXXXXXX.old`` folders (without
  ``WRITER.`` from earlier versions; ``WRITER`` is ``core.abandoned_folders.writer_tag``:
  the next save beside it removes a ``.tmp`` one at once when its process has ended,
  never an ``.old`` one, the bundle being replaced, the only copy left when the process
  ended between the save's two renames: that waits for this sweep, unless the window
  gives up a retrain's staging folder, `model.bundle_write.remove_abandoned_save`)
  holding a model bundle: :func:`model.bundle_write.save_bundle` (e.g. ``.pets-….tmp``,
  ``..staging-….tmp``), or a SavedModel: ``model.export.export_saved_model``
  (``.NAME.<8 hex>.tmp``, its class names in ``assets/`` and ``.petloc-assets/``), each with nothing
  but what those write in it, the atomic writes' own temporaries (``.meta.json.XXXXXXXX.tmp``), a window's mark that it
  had the bundle loaded (``core.in_use_marks``) and TensorFlow's
  (``saved_model.pb.tmp<32 hex>``, ``….index.tempstate<digits>``) included;
- ``.staging-*`` / ``.trash-*`` folders of the version store (``store``).

Symbolic links are never followed or removed.

`remove_left_by_ended_runs` removes a run's ``.petloc-new`` files younger than
that, once the process named in them has ended: only for a folder its caller
knows an interrupted run of this machine wrote (`core.interop.unfinished`).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # dataset imports images; stale is used without them
    from petloc_gui.core.dataset import Dataset

STALE_SECONDS = 24 * 3600

_RANDOM = r"[a-z0-9_]{8}"
_TEMP_FILE = re.compile(rf"^\.(?P<name>.+)\.{_RANDOM}\.tmp$")
_PRELABEL_FILE = re.compile(r"^\..+\.(?P<pid>\d+)\.petloc-new$")
_BUNDLE_FOLDER = re.compile(rf"^\..+\.{_RANDOM}\.(tmp|old)$")
_STORE_FOLDER = re.compile(r"^\.(staging|trash)-[A-Za-z0-9_.-]+$")
# What atomic_write_bytes writes: annotations, plus the PNGs and JSON of
# generated datasets and bundles, exported TFLite files and their class names,
# and a YOLO export's classes.txt and data.yaml.
_OUR_SUFFIXES = (".xml", ".png", ".json", ".tflite", ".labels.txt", "classes.txt", "data.yaml")
_BUNDLE_FILES = frozenset({"model.keras", "meta.json", "model.tflite", "version.json",
                           "train_record.json", "refine.keras", "refine.tflite"})
# A SavedModel as TensorFlow writes it (variables/variables_temp/ while the checkpoint is written),
# with petloc's note (model.export_note). TensorFlow's own temporaries, as strace shows them in a real
# export: the checkpoint's files under ``NAME.tempstate<digits>`` (its BundleWriter, the longest write)
# and saved_model.pb / fingerprint.pb under ``NAME.tmp<32 hex>`` (file_io.atomic_write_string_to_file).
_SAVED_MODEL_FILES = frozenset({"saved_model.pb", "fingerprint.pb", "petloc-export.json"})
# Its class names (model.export LABELS_ASSET) in assets/, and in the folder the export writes the file in
# for the save to copy into assets/ (model.export _ASSET_SOURCE), with that atomic write's temporary.
_SAVED_MODEL_ASSETS = frozenset({"labels.txt"})
_ASSET_SOURCE = ".petloc-assets"
_TF_TEMP_SUFFIX = re.compile(r"\.tmp[0-9a-f]{32}$")
_TEMPSTATE = r"(?:\.tempstate\d+)?"
_VARIABLES_FILE = re.compile(rf"^variables\.(index|data-\d+-of-\d+){_TEMPSTATE}$")
_CHECKPOINT_PART = re.compile(rf"^part-\d+-of-\d+\.(index|data-\d+-of-\d+){_TEMPSTATE}$")


def is_our_temporary_file(name: str) -> bool:
    """Whether a file name has the form of one of petloc's temporary files."""
    if _PRELABEL_FILE.match(name):
        return True
    match = _TEMP_FILE.match(name)
    if match is None:
        return False
    target = match.group("name")
    # atomic_write_bytes names it after the target's name cut to 32 characters.
    return target.lower().endswith(_OUR_SUFFIXES) or len(target) == 32


def process_has_ended(pid: int) -> bool:
    """Whether no process ``pid`` runs on this machine now (False when that cannot be known: not
    POSIX, where os.kill would end the process rather than ask; a pid no process can have, from a name
    made elsewhere)."""
    if os.name != "posix" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: it runs, as another user
        return False
    except OverflowError:  # not a pid of this system (not an OSError: housekeeping would stop on it)
        return False
    return False


def _hidden_entries(folder: str | os.PathLike[str]) -> list[os.DirEntry[str]]:
    """The entries of ``folder`` whose name starts with a dot (every temporary petloc makes); none when
    the folder cannot be listed (housekeeping never fails)."""
    try:
        with os.scandir(folder) as iterator:
            return [entry for entry in iterator if entry.name.startswith(".")]
    except OSError:
        return []


def remove_left_by_ended_runs(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete the ``.NAME.PID.petloc-new`` files directly in ``folder`` whose process has ended, whatever
    their age; return what was removed. A run killed outright (SIGKILL, a power cut) leaves the copy it
    was making, and the day `remove_stale` waits is for a run that may still be going: this one is not.
    The PID is of this machine only: callers use it for a folder an interrupted run of this machine
    wrote. Errors are skipped, as in `remove_stale`."""
    removed: list[Path] = []
    entries = _hidden_entries(folder)
    for entry in entries:
        match = _PRELABEL_FILE.match(entry.name)
        try:
            if (match is not None and entry.is_file(follow_symlinks=False)
                    and int(match.group("pid")) != os.getpid() and process_has_ended(int(match.group("pid")))):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
        except (OSError, ValueError):
            continue
    return removed


def _is_our_temporary_folder(path: Path, name: str, *, store: bool) -> bool:
    if _STORE_FOLDER.match(name):
        return store
    if not _BUNDLE_FOLDER.match(name):
        return False
    # Empty (killed before anything was written), or holding only what a bundle save or a SavedModel
    # export writes: a folder that holds anything else is not petloc's to remove.
    return holds_only_bundle_files(path) or _is_saved_model(path)


def holds_only_bundle_files(path: Path) -> bool:
    """Whether the folder ``path`` is empty or holds nothing but a bundle's files, as a killed
    :func:`model.bundle_write.save_bundle` leaves them (its atomic writes' temporaries included)."""
    return _holds_only(path, _is_bundle_file)


def _is_bundle_file(name: str) -> bool:
    """A bundle's file, the temporary an atomic write of one leaves when killed, or the mark of a window that had
    it loaded (a store version replaced in place is renamed ``.old`` with it)."""
    from petloc_gui.core.in_use_marks import is_mark  # (it tells a live writer by `process_has_ended`, here)

    match = _TEMP_FILE.match(name)
    return (match.group("name") if match else name) in _BUNDLE_FILES or is_mark(name)


def _is_saved_model(path: Path) -> bool:
    def top(name: str) -> bool:
        match = _TEMP_FILE.match(name)
        return _TF_TEMP_SUFFIX.sub("", match.group("name") if match else name) in _SAVED_MODEL_FILES

    def variables(name: str) -> bool:
        return _VARIABLES_FILE.match(name) is not None

    def checkpoint_parts(folder: Path) -> bool:
        return _holds_only(folder, lambda name: _CHECKPOINT_PART.match(name) is not None)

    def asset(name: str) -> bool:
        match = _TEMP_FILE.match(name)
        return _TF_TEMP_SUFFIX.sub("", match.group("name") if match else name) in _SAVED_MODEL_ASSETS

    return _holds_only(path, top, {
        "variables": lambda folder: _holds_only(folder, variables, {"variables_temp": checkpoint_parts}),
        "assets": lambda folder: _holds_only(folder, asset),
        _ASSET_SOURCE: lambda folder: _holds_only(folder, asset)})


def _holds_only(folder: Path, file_ok: Callable[[str], bool],
                folders: Mapping[str, Callable[[Path], bool]] | None = None) -> bool:
    """Whether ``folder`` holds nothing but files ``file_ok`` accepts and the sub-folders named in
    ``folders``, each holding what its check accepts; never a symbolic link. False when unreadable."""
    try:
        with os.scandir(folder) as iterator:
            entries = list(iterator)
        for entry in entries:
            if entry.is_symlink():
                return False
            if entry.is_dir(follow_symlinks=False):
                check = (folders or {}).get(entry.name)
                if check is None or not check(Path(entry.path)):
                    return False
            elif not (entry.is_file(follow_symlinks=False) and file_ok(entry.name)):
                return False
    except OSError:
        return False
    return True


def remove_stale(folder: str | os.PathLike[str], *, folders: bool = False, store: bool = True,
                 max_age: float = STALE_SECONDS, now: float | None = None) -> list[Path]:
    """Delete petloc's own stale temporaries directly in ``folder``; return what was removed.

    ``folders`` also removes bundle and SavedModel temporary folders, and unless not ``store`` the
    version store's staging/trash folders, whose names alone say they are petloc's only in the store
    (not in a folder of the user's an export or a bundle goes in).
    Errors (permissions, a file vanishing meanwhile) are skipped silently:
    this is housekeeping and must never stop a folder from opening.
    """
    cutoff = (time.time() if now is None else now) - max_age
    removed: list[Path] = []
    entries = _hidden_entries(folder)
    for entry in entries:
        try:
            if entry.is_symlink():
                continue
            info = entry.stat(follow_symlinks=False)
            if info.st_mtime >= cutoff:
                continue
            path = Path(entry.path)
            if entry.is_file(follow_symlinks=False) and is_our_temporary_file(entry.name):
                path.unlink()
                removed.append(path)
            elif (folders and entry.is_dir(follow_symlinks=False)
                  and _is_our_temporary_folder(path, entry.name, store=store)):
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def remove_stale_in(folders: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """:func:`remove_stale` (of files only) for each distinct folder."""
    removed: list[Path] = []
    for folder in dict.fromkeys(os.fspath(f) for f in folders):
        removed += remove_stale(folder)
    return removed


def dataset_annotation_folders(dataset: Dataset) -> list[str]:
    """The distinct folders a dataset's annotations are (or would be) written in."""
    return list(dict.fromkeys(os.path.dirname(item.annotation_path_text) for item in dataset.items))
