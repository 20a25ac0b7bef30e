"""Predictions off the UI thread: a background worker, a cache and prefetching.

The service takes a *model factory* ``factory(spec) -> handle`` where a
handle has ``info`` (ModelInfo) and ``predict_paths(paths) -> list[result]``
(a result is a Prediction-like object with ``label``, ``confidence``, ``box``
or an exception). The default factory (model_handle.load_model_handle)
loads a model (LiteRT over its verified .tflite files, else TensorFlow and Keras),
so it only ever runs in the worker thread; tests inject a fake factory. TensorFlow's
import, for the first model that needs it, is done first, as a step of its own
(`tensorflow_import.prepare_for`: a test's factory may have a ``prepare()`` of its own):
that import cannot be interrupted, so ``shutdown`` does not wait for it (``importing``),
and a stop asked meanwhile ends the worker as it returns, before any model is loaded.

Work is taken in this order: loading a model, the *urgent* images (the
current one, in a call of its own so its prediction is shown as soon as it is
made, then the next few in the list's order), then the *background* images (the
whole folder, so the review queue fills in), in batches bounded by count and
pixels (`prediction_batches`): a click waits for at most one. Results are cached
by (image path, file stamp (app.file_key), model version id), LRU-bounded, and
kept on disk for the next run (`app.prediction_disk_cache`, for handles that have a
``fingerprint``): a folder opened again is predicted only where it changed. The
worker writes that cache, batched, when it runs out of work, every few seconds
while it predicts and when it stops; the UI thread only reads it.

Those kept predictions are served while their model loads (seconds through TensorFlow, whose
import and the bundle's load take them; a fraction of one with LiteRT): ``fingerprint_of(spec)``
gives the fingerprint the model will have, read from its files without loading it. They are the
same model's output, so the window fills its rows and its actions (A, the review queue) with them
at once. If the loaded model's own fingerprint differs (its files changed while it loaded),
``early_dropped`` tells the window to take them back before ``model_loaded``; if it fails to load,
``model_failed`` does.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from petloc_gui.app.file_key import FileKey, file_key
from petloc_gui.app.prediction_disk_cache import ModelFingerprint, PredictionDiskCache
from petloc_gui.ui import background
from petloc_gui.ui.models.load_failure import failure_text as failure_text  # (its callers' old import)
from petloc_gui.ui.models.prediction_batches import BATCH_SIZE, COUNTS_KEPT, Batch
from petloc_gui.ui.models.prediction_worker import PredictionError as PredictionError  # (likewise)
from petloc_gui.ui.models.prediction_worker import work
from petloc_gui.ui.models.tensorflow_import import prepare_for

_log = logging.getLogger(__name__)

CACHE_SIZE = 50_000


class PredictionService(QObject):
    """Owns the worker thread, the request queues and the result cache."""

    # Paths cross as Python objects (str), not as `str` (a QString): a QString drops the surrogate escapes
    # that hold a file name's bytes that are not UTF-8 (os.fsdecode), and such an image's prediction went
    # to no row, or to another file's. A model's spec may be a folder's path, and its version id holds it.
    model_loading = Signal(object)  # spec
    model_loaded = Signal(object)  # ModelInfo
    model_failed = Signal(object, str)  # spec, message
    predicted = Signal(object, object, object)  # image path, model version id, result
    # the predictions served while the model loaded are not its own (its files changed meanwhile): take them back
    early_dropped = Signal()

    def __init__(self, factory: Callable[[str], Any], parent=None, disk: PredictionDiskCache | None = None,
                 fingerprint_of: Callable[[str], ModelFingerprint | None] | None = None,
                 holding: Callable[[str | None], None] | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        # told each model the worker is given, None when it has none or stops: the window marks the store version
        # it has loaded (`app.version_marks`), which Discard in another window then keeps
        self._holding = holding or (lambda spec: None)
        self._disk = disk if disk is not None else PredictionDiskCache.default()
        # the fingerprint a spec's model will have, read without loading it (None: nothing served while it loads)
        self._fingerprint_of = fingerprint_of
        self._cond = threading.Condition()
        self._stop = False
        self._import_first = prepare_for(factory)  # TensorFlow's import, before the load of a model needing it
        self._prepared = self._import_first is None  # that import done for good (`_prepare`)
        self._importing = False  # in that import: it cannot be interrupted
        self._may_prepare = True  # False: the import waits (`hold_prepare`)
        self._pending_spec: str | None = None
        self._asked = 0  # counts set_model and unload calls: a load finishing after another ask is dropped
        self._handle: Any = None  # the factory's model (a ModelHandle, or a test's): its info, predict_paths
        self._version: str | None = None
        self._fingerprint = None  # the loaded model's for the disk cache (ModelFingerprint), None: not kept
        self._early: ModelFingerprint | None = None  # the loading model's, read from its files: its kept ones served
        self._current: Path | None = None  # the image shown, predicted alone before `_urgent` (its neighbours)
        self._urgent: list[Path] = []
        self._background: list[FileKey] = []  # the folder's images, by the keys read at its opening
        self._background_pos = 0
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        # The loop holds a thread for its whole life: its own pool, not the global one.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._worker = background.start(work, self, pool=self._pool, yielded=self._event)

    def _event(self, event: tuple) -> None:
        """A worker event, in the UI thread: re-emitted as this service's signals."""
        kind, *args = event
        {"loading": self.model_loading, "loaded": self.model_loaded, "failed": self.model_failed,
         "predicted": self.predicted, "dropped": self.early_dropped}[kind].emit(*args)

    # --- requests (UI thread) -----------------------------------------------------
    def set_model(self, spec: str) -> None:
        """Load a model in the worker; cached results of other versions stay unused. Meanwhile the
        predictions its files' fingerprint has on disk are served (`serves_early`)."""
        early = self._fingerprint_before_load(spec)  # a few stats, outside the lock
        with self._cond:
            self._pending_spec = spec
            self._asked += 1
            self._handle = None
            self._version = None
            self._fingerprint = None
            self._early = early
            self._background_pos = 0
            self._cond.notify_all()
        self._holding(spec)

    def _fingerprint_before_load(self, spec: str) -> ModelFingerprint | None:
        if self._fingerprint_of is None:
            return None
        try:
            return self._fingerprint_of(spec)
        except Exception:  # noqa: BLE001 - nothing served early; the load says what is wrong with the model
            _log.debug("no fingerprint before loading %s", spec, exc_info=True)
            return None

    def serves_early(self) -> bool:
        """Whether a model is loading whose predictions kept on disk are served meanwhile."""
        with self._cond:
            return self._early is not None

    def unload(self) -> None:
        """No model: predict nothing (a folder whose classes no model knows)."""
        with self._cond:
            self._pending_spec = None
            self._asked += 1
            self._handle = None
            self._version = None
            self._fingerprint = None
            self._early = None
            self._cond.notify_all()
        self._holding(None)

    def request(self, urgent: Sequence[Path]) -> None:
        """Predict these first (current image alone, then the next few), replacing older requests."""
        urgent = list(urgent)
        with self._cond:
            self._current = urgent[0] if urgent else None
            self._urgent = urgent[1:]
            self._cond.notify_all()

    def request_background(self, keys: Sequence[FileKey]) -> None:
        """Predict these images when nothing urgent is waiting (the whole folder), by their keys as read
        once per open (`ui.review.image_keys`): the walk stats none again. One another program changed since
        comes back by `predict_again`, with its key of now (`ui.review.image_rewrites` notices it)."""
        with self._cond:
            self._background = list(keys)
            self._background_pos = 0
            self._cond.notify_all()

    def predict_again(self, keys: Sequence[FileKey]) -> None:
        """These images' files changed since the walk's keys were read (another program replaced or rewrote
        them): walked next, under their keys of now. Under the old key the walk found the old file's result
        and passed them by, and their rows kept it until the image was shown."""
        again = {key[0]: key for key in keys}
        with self._cond:
            passed = [key for key in self._background[:self._background_pos] if key[0] not in again]
            left = [key for key in self._background[self._background_pos:] if key[0] not in again]
            self._background, self._background_pos = passed + list(again.values()) + left, len(passed)
            self._cond.notify_all()

    def drop_background(self, paths: Iterable[Path | str]) -> None:
        """Take these out of the background list (images deleted from the folder) without starting
        it over: the images it has passed are not looked at (stat'ed) again."""
        drop = {str(path) for path in paths}
        with self._cond:
            passed = [key for key in self._background[:self._background_pos] if key[0] not in drop]
            left = [key for key in self._background[self._background_pos:] if key[0] not in drop]
            self._background, self._background_pos = passed + left, len(passed)

    def cached(self, path: Path):
        """The cached result for an image with the current model (or the one loading: kept on disk), or None."""
        key = file_key(Path(path))
        with self._cond:
            return self._lookup(key)

    def cached_many(self, keys: Sequence[FileKey]) -> dict[str, object]:
        """The cached results of these images (by their keys: no file is looked at) with the current model
        (those that have one), by the keys' paths (no Path built: a fill looks up thousands, `ui.review.cache_fill`).

        A model used before in this run (a rollback), or in an earlier run (the disk
        cache), has its results cached: the worker skips them, so they never arrive
        as ``predicted`` signals and the caller must take them from here. The disk cache
        (its own lock; a folder's first read parses its file) is read without holding up the worker.
        """
        with self._cond:
            version, fingerprint, early = self._version, self._fingerprint, self._early
            found, missing = {}, []
            for key in keys:
                result = self._cache.get((*key, version)) if version is not None else None
                if result is None:
                    missing.append(key)
                else:
                    self._cache.move_to_end((*key, version))
                    found[key[0]] = result
        kept = self._disk.get_many(early if version is None else fingerprint, missing)  # one answer a key
        with self._cond:
            keep = version is not None and (self._version, self._fingerprint) == (version, fingerprint)
            for key, result in zip(missing, kept, strict=True):
                if result is not None:
                    found[key[0]] = result
                    if keep:  # (not another model's, loaded since)
                        self._store((*key, version), result)
        return found

    def version(self) -> str | None:
        with self._cond:
            return self._version

    def is_idle(self) -> bool:
        with self._cond:
            return self._pending_spec is None and not self._has_work()

    def hold_prepare(self) -> None:
        """Hold the first model's load (and TensorFlow's import before it, for a model that needs it) back
        until `release_prepare` (the window's first image is drawn first: the import holds the GIL for up
        to a second at a time). Predictions kept on disk are served meanwhile all the same."""
        with self._cond:
            self._may_prepare = False

    def release_prepare(self) -> None:
        with self._cond:
            self._may_prepare = True
            self._cond.notify_all()

    def importing(self) -> bool:
        """Whether the worker is in the factory's import (TensorFlow's: seconds, and it cannot be interrupted)."""
        with self._cond:
            return self._importing

    def shutdown(self) -> None:
        """Stop the worker (after its current batch) and wait for it; not while it imports (`importing`):
        closing the window waited up to 30 s for TensorFlow's import, the window frozen on screen. The
        worker ends as the import returns, loading no model; until then the process may end without it
        (`app.main`), as nothing it holds is unsaved: no model, so no prediction made."""
        with self._cond:
            self._stop = True
            importing = self._importing
            self._cond.notify_all()
        self._worker.quit()
        self._holding(None)
        if not importing:
            self._worker.wait(30)

    # --- worker side (called with the lock held; no header is read under it) ----------------
    def _lookup(self, key: FileKey):
        """The current model's result for this key: from memory, else from disk (then kept in memory);
        while it loads, what its files' fingerprint has on disk."""
        if self._version is None:
            return self._disk.get(self._early, key) if self._early is not None else None
        memory_key = (key[0], key[1], self._version)
        result = self._cache.get(memory_key)
        if result is None:
            result = self._disk.get(self._fingerprint, key)
            if result is None:
                return None
            self._cache[memory_key] = result
        self._cache.move_to_end(memory_key)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return result

    def _is_cached(self, key: FileKey) -> bool:
        return self._lookup(key) is not None

    def _nothing_to_do(self) -> bool:
        return not self._stop and self._pending_spec is None and not self._has_work()

    def _has_work(self) -> bool:
        if self._handle is None:
            return False
        # done once cached: a request kept after that would be predicted again, as an error, once
        # its file is deleted (a neighbour of the image shown, deleted by another program)
        if self._current is not None and self._is_cached(file_key(self._current)):
            self._current = None
        self._urgent = [p for p in self._urgent if not self._is_cached(file_key(p))]
        if self._current is not None or self._urgent:
            return True
        while self._background_pos < len(self._background):
            if not self._is_cached(self._background[self._background_pos]):
                return True
            self._background_pos += 1
        return False

    def _batch_candidates(self) -> tuple[list[FileKey], bool]:
        """The images whose pixel counts the next batch (`_take_batch`) needs, none read: the worker reads
        them once it has let go of the lock (`prediction_batches.PixelCounts.read_for`), with whether
        the batch passes over one that does not fit (the urgent ones) or stops there (the folder's).
        None of them when the image shown is next: it goes alone, whatever its size. Called right after
        `_has_work`, in the same hold of the lock: the current and urgent images cached are gone already."""
        if self._current is not None:
            return [], True
        urgent = list(map(file_key, self._urgent))
        if urgent:
            return urgent[:COUNTS_KEPT], True  # (all the counts read stay known until the batch is taken)
        keys: list[FileKey] = []
        position = self._background_pos
        while position < len(self._background) and len(keys) < BATCH_SIZE:
            key = self._background[position]
            if not self._is_cached(key):
                keys.append(key)
            position += 1
        return keys, False

    def _take_batch(self, pixels_of: Callable[[FileKey], int | None]) -> list[FileKey]:
        """The next call's images: the current one alone (in a call with its 5 neighbours, a big photo's
        prediction came 5 s later than alone), else the neighbours, else the folder's next ones; each
        batch bounded by `prediction_batches.Batch`, those left over kept for the next. The pixel counts
        are those the worker read before, without the lock (``pixels_of``: None for one not read, asked
        for since): no file's header is read here, under the lock, where every call of the UI thread
        waits (a damaged PNG's took 330 ms). One asked for since goes alone (`Batch.add`)."""
        current, self._current = self._current, None
        if current is not None and not self._is_cached(key := file_key(current)):
            return [key]
        batch, left = Batch(pixels_of), []
        for path in self._urgent:
            key = file_key(path)
            if not self._is_cached(key) and not batch.add(key):
                left.append(path)
        self._urgent = left
        if batch:  # urgent images go without background ones: the next image asked for waits no longer
            return batch.keys
        while self._background_pos < len(self._background):
            key = self._background[self._background_pos]
            if not self._is_cached(key) and not batch.add(key):
                break  # the first of the next batch
            self._background_pos += 1
        return batch.keys

    def _store(self, key: tuple, result: object) -> None:
        with self._cond:
            self._cache[key] = result
            self._cache.move_to_end(key)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
