"""Predictions kept on disk between runs: a folder opened again is predicted only where it changed (no Qt).

The window's in-memory cache dies with the process, so every reopen predicted the whole folder
again (about 75 s of CPU for 5,000 photos on 2 cores). This cache keeps each prediction in the
user cache folder (`core.paths.user_cache_dir()` / ``predictions``), one small JSON file per
image folder and model bundle, holding ``{file name: [mtime_ns, size, ctime_ns, label,
confidence, xmin, ymin, xmax, ymax]}``:

- an image is found only under the stamp it has now (`app.file_key`: an edited or replaced
  file is predicted again);
- a file is used only for the model it was written by: `model_fingerprint` hashes the size and
  times of every file of the bundle (model.keras, meta.json, the TFLite files, the refiner) with
  petloc's version and `core.decode_rules`; a retrained or replaced model finds nothing and its
  predictions replace the old ones;
- failures (an unreadable image, a model error) are never kept: they are cheap to find again
  and may be passing (a half-copied file);
- writes happen in the prediction worker, batched (`save_if_due`, `save` when it has nothing
  left to do and when it stops), each one atomic; the files least recently used go first once
  they pass `MAX_FILES` or `MAX_TOTAL_BYTES`;
- a damaged, unreadable or foreign file is ignored (a debug line, nothing said to the user) and
  replaced by the next write; a disk that cannot be written only costs speed;
- ``PETLOC_NO_PREDICTION_CACHE=1`` turns it off (nothing read or written).

Class probabilities are not kept (the window shows only the label, its confidence and the box).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from petloc_gui import __version__
from petloc_gui.app.file_key import NO_FILE, FileKey
from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.boxes import Box
from petloc_gui.core.cache_bounds import cached_files, remove_least_recent
from petloc_gui.core.debug_flag import flag_on
from petloc_gui.core.decode_rules import DECODE_RULES_VERSION
from petloc_gui.core.errors import SaveError
from petloc_gui.core.in_use_marks import is_mark
from petloc_gui.core.paths import user_cache_dir
from petloc_gui.core.stale import remove_stale

_log = logging.getLogger(__name__)

FORMAT = 1  # of the files; one of another format is ignored and replaced
SUBFOLDER = "predictions"
DISABLE_ENV = "PETLOC_NO_PREDICTION_CACHE"
MAX_FILES = 2_000
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_FILE_BYTES = 32 * 1024 * 1024  # ~300,000 images in one folder; a bigger file is not read
SAVE_EVERY_S = 10.0  # while predicting a big folder: a crash loses at most this much work


class ModelFingerprint(NamedTuple):
    """Which model wrote a prediction: ``where`` (its folder, resolved) names the cache files;
    ``files`` (a hash of its files' sizes and times, petloc's version and decoding rules) must match."""

    where: str
    files: str


def model_fingerprint(bundle: str | os.PathLike[str] | None) -> ModelFingerprint | None:
    """The fingerprint of the model bundle in this folder; None when it cannot be read."""
    if bundle is None:
        return None
    try:
        where = os.path.realpath(bundle)
        with os.scandir(where) as entries:
            # a window's mark that it has the model loaded is no file of the model (each window's is its own)
            names = sorted(entry.name for entry in entries if entry.is_file() and not is_mark(entry.name))
        stamps = [(name, *_stat_of(os.path.join(where, name))) for name in names]
    except OSError:
        return None
    if not stamps:
        return None
    text = json.dumps([FORMAT, __version__, DECODE_RULES_VERSION, stamps])
    return ModelFingerprint(where, hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest())


def _stat_of(path: str) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def disabled_by_environment() -> bool:
    return flag_on(DISABLE_ENV)


@dataclass(frozen=True)
class StoredPrediction:
    """A prediction read back from disk: what the window uses of a `model.inference.Prediction`."""

    label: str
    confidence: float
    box: Box
    probabilities: dict[str, float] = field(default_factory=dict, compare=False, hash=False)  # not kept

    @property
    def has_class(self) -> bool:
        return True  # one without a class (NaN output) is a failure, never kept


@dataclass
class _FolderFile:
    """One cache file in memory: an image folder's predictions by one model."""

    path: Path
    folder: str
    model: ModelFingerprint
    entries: dict[str, list[Any]]
    seen: tuple[int, int] | None = None  # (mtime_ns, size) of the file as last read or written
    dirty: bool = False
    touch: bool = False  # used this run: its time is renewed so it is not the first to go


def _disk_entry(key: FileKey, result: Any) -> list[Any] | None:
    """The stored form of a prediction, None for anything that is not a plain finite one."""
    if key[1] == NO_FILE or isinstance(result, Exception) or getattr(result, "has_class", True) is False:
        return None
    try:
        label = result.label
        confidence = float(result.confidence)
        box = result.box
        numbers = [confidence, float(box.xmin), float(box.ymin), float(box.xmax), float(box.ymax)]
    except (AttributeError, TypeError, ValueError):
        return None
    if not isinstance(label, str) or not all(math.isfinite(n) for n in numbers):
        return None
    return [*key[1], label, *numbers]


def _prediction_of(entry: Any, key: FileKey) -> StoredPrediction | None:
    """The prediction of a stored entry if it is well formed and was made of the file as it is now."""
    if not isinstance(entry, list) or len(entry) != 9 or entry[:3] != list(key[1]):
        return None
    label, confidence, xmin, ymin, xmax, ymax = entry[3:]
    if not isinstance(label, str):
        return None
    # plain ints and floats (all JSON and `_disk_entry` give) at once, the rest one by one: a fill looks up
    # thousands at once, and a generator over each entry's numbers was a good part of it
    if not {type(confidence), type(xmin), type(ymin), type(xmax), type(ymax)} <= _PLAIN_NUMBERS:
        for number in (confidence, xmin, ymin, xmax, ymax):
            if not isinstance(number, int | float) or isinstance(number, bool):
                return None
    return StoredPrediction(label, float(confidence), Box(xmin, ymin, xmax, ymax))


_PLAIN_NUMBERS = frozenset({int, float})


class PredictionDiskCache:
    """``get(model, key)`` / ``put(model, key, result)``, in memory; ``save()`` writes what changed.

    Safe to call from several threads (the window's UI thread reads, its prediction worker reads,
    writes and saves). A folder's file is read once, when one of its images is first asked for.
    """

    def __init__(self, root: str | os.PathLike[str] | None, max_files: int = MAX_FILES,
                 max_total_bytes: int = MAX_TOTAL_BYTES, save_every_s: float = SAVE_EVERY_S) -> None:
        self.root = Path(root) if root is not None else None  # None: off
        self.max_files = max_files
        self.max_total_bytes = max_total_bytes
        self.save_every_s = save_every_s
        self._lock = threading.Lock()
        self._files: dict[tuple[str, str], _FolderFile] = {}  # (image folder as given, model where)
        self._real: dict[str, str] = {}  # image folder as given -> resolved
        self._last_save = time.monotonic()

    @classmethod
    def default(cls) -> PredictionDiskCache:
        """In the user cache folder; off with PETLOC_NO_PREDICTION_CACHE=1."""
        return cls(None if disabled_by_environment() else user_cache_dir() / SUBFOLDER)

    # --- reading and adding (any thread) ------------------------------------------------------
    def get(self, model: ModelFingerprint | None, key: FileKey) -> StoredPrediction | None:
        return self.get_many(model, [key])[0]

    def get_many(self, model: ModelFingerprint | None, keys: Sequence[FileKey]) -> list[StoredPrediction | None]:
        """`get` of each key, in order: the lock taken once and each folder's file found once (a window's list
        filled from the cache looks up thousands of images of one folder, `ui.review.cache_fill`)."""
        if self.root is None or model is None:
            return [None] * len(keys)
        split = os.path.split
        found: list[StoredPrediction | None] = []
        with self._lock:
            files: dict[str, _FolderFile] = {}
            for key in keys:
                if key[1] == NO_FILE:
                    found.append(None)
                    continue
                folder, name = split(key[0])
                cached = files.get(folder)
                if cached is None:
                    cached = files[folder] = self._file(folder, model)
                found.append(_prediction_of(cached.entries.get(name), key))
        return found

    def put(self, model: ModelFingerprint | None, key: FileKey, result: object) -> None:
        entry = _disk_entry(key, result)
        if self.root is None or model is None or entry is None:
            return
        folder, name = os.path.split(key[0])
        with self._lock:
            cached = self._file(folder, model)
            if cached.entries.get(name) != entry:
                cached.entries[name] = entry
                cached.dirty = True

    def _file(self, folder: str, model: ModelFingerprint) -> _FolderFile:
        """The folder's file for this model, read on first use (the lock held)."""
        cached = self._files.get((folder, model.where))
        if cached is not None and cached.model == model:
            return cached
        assert self.root is not None
        real = self._real.setdefault(folder, os.path.realpath(folder or "."))
        name = hashlib.sha256(f"{real}\0{model.where}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
        cached = _FolderFile(self.root / f"{name}.json", real, model, {})
        self._read_into(cached)
        cached.touch = bool(cached.entries)  # once a run
        self._files[(folder, model.where)] = cached
        return cached

    @staticmethod
    def _read_into(cached: _FolderFile) -> None:
        """Fill ``cached`` from its file; one that is absent, unreadable, damaged or another model's
        is left out (and replaced by the next save)."""
        try:
            with open(cached.path, "rb") as handle:
                info = os.fstat(handle.fileno())
                if info.st_size > MAX_FILE_BYTES:
                    raise ValueError(f"{info.st_size} bytes, more than the {MAX_FILE_BYTES} read")
                record = json.loads(handle.read())
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as exc:  # UnicodeDecodeError and JSONDecodeError too
            _log.debug("prediction cache %s ignored (it will be replaced): %s", cached.path, exc)
            return
        cached.seen = (info.st_mtime_ns, info.st_size)
        entries = _entries_of(record, cached.model)
        if entries is None:
            _log.debug("prediction cache %s ignored (another format or model; it will be replaced)", cached.path)
            return
        cached.entries = entries

    # --- writing (the prediction worker) ------------------------------------------------------
    def unsaved(self) -> bool:
        """Whether `save` has something to do (new predictions, or files used to keep fresh)."""
        with self._lock:
            return any(cached.dirty or cached.touch for cached in self._files.values())

    def save_if_due(self) -> None:
        """`save` if the last was long enough ago (a big folder being predicted)."""
        if time.monotonic() - self._last_save >= self.save_every_s:
            self.save()

    def save(self) -> None:
        """Write each file with new predictions (atomically), renew the time of those used, and
        remove the least recently used files past the bounds. Never raises: failing only costs speed."""
        with self._lock:
            work = [(cached, dict(cached.entries) if cached.dirty else None)
                    for cached in self._files.values() if cached.dirty or cached.touch]
            for cached, _ in work:
                cached.dirty = cached.touch = False
            self._last_save = time.monotonic()
        if self.root is None or not work:
            return
        wrote = False
        for cached, entries in work:
            if entries is None:
                with contextlib.suppress(OSError):
                    os.utime(cached.path)
                continue
            wrote = self._write(cached, entries) or wrote
        if wrote:
            self._keep_within_bounds()
            remove_stale(self.root)  # a temporary left by a write that was killed

    def _write(self, cached: _FolderFile, entries: dict[str, list[Any]]) -> bool:
        assert self.root is not None
        theirs = self._written_since(cached)  # another petloc's window on the same folder: kept
        for name, entry in theirs.items():
            entries.setdefault(name, entry)
        record = {"format": FORMAT, "folder": cached.folder, "model": cached.model.where,
                  "fingerprint": cached.model.files, "entries": entries}
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(cached.path, json.dumps(record, separators=(",", ":")).encode("utf-8"))
            info = os.stat(cached.path)
        except (OSError, SaveError) as exc:
            _log.debug("prediction cache %s not written: %s", cached.path, exc)
            return False
        with self._lock:
            for name, entry in theirs.items():
                cached.entries.setdefault(name, entry)
            cached.seen = (info.st_mtime_ns, info.st_size)
        return True

    @staticmethod
    def _written_since(cached: _FolderFile) -> dict[str, list[Any]]:
        """The entries another process wrote to this file since it was last read or written here."""
        try:
            info = os.stat(cached.path)
        except OSError:
            return {}
        if (info.st_mtime_ns, info.st_size) == cached.seen:
            return {}
        other = _FolderFile(cached.path, cached.folder, cached.model, {})
        PredictionDiskCache._read_into(other)
        return other.entries

    def _keep_within_bounds(self) -> None:
        """Remove the least recently used files (by time) past `max_files` or `max_total_bytes`;
        those in use in this run go last (`core.cache_bounds`, as the decoded-image cache)."""
        assert self.root is not None
        with self._lock:
            in_use = {cached.path.name for cached in self._files.values()}
        remove_least_recent(cached_files(self.root, ".json", in_use), self.max_files, self.max_total_bytes)


def _entries_of(record: Any, model: ModelFingerprint) -> dict[str, list[Any]] | None:
    """The entries of a file's record if it is of this format and model, else None."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        return None
    if record.get("fingerprint") != model.files or record.get("model") != model.where:
        return None
    entries = record.get("entries")
    return entries if isinstance(entries, dict) else None
