"""The prediction worker's loop (`PredictionService`'s, run by background.Worker in its own thread).

It takes its work from the service under the service's lock (a model to load, else the next batch:
`PredictionService._take_batch`, sized by `prediction_batches`) and does it outside the lock, yielding
events that reach the UI thread in order and become the service's signals. A batch is taken in three
steps, so that no file is read while the UI thread may wait for the lock: its candidates under the lock,
their headers' pixel counts outside it (remembered by file key), then the batch, under the lock again,
from what is asked for then (a click meanwhile: the image shown still goes first, alone).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.app.file_key import FileKey, may_cache
from petloc_gui.ui.models.load_failure import failure_text
from petloc_gui.ui.models.prediction_batches import PixelCounts

if TYPE_CHECKING:
    from petloc_gui.ui.models.prediction_service import PredictionService


class PredictionError(Exception):
    """Why an image has no prediction (unreadable image, model failure)."""


def work(svc: PredictionService):
    """The worker's loop (a generator run by background.Worker): waits for work, yields events.

    Events: ("loading", spec), ("dropped",), ("loaded", info), ("failed", spec, message),
    ("predicted", path, version, result). They reach the UI thread in order.
    """
    counts = PixelCounts()
    while True:
        with svc._cond:
            while svc._nothing_to_do() and not svc._disk.unsaved():
                svc._cond.wait()
            stop = svc._stop
            idle = stop or svc._nothing_to_do()
            if not idle:
                spec = svc._pending_spec
                svc._pending_spec = None
                asked = svc._asked
                candidates, skip_misfits = ([], True) if spec is not None else svc._batch_candidates()
                handle = svc._handle
        if idle:  # out of work, or told to stop: the predictions made go to disk (not on the UI thread)
            svc._disk.save()
            if stop:
                return
            continue
        if spec is not None:
            yield from _load(svc, spec, asked)
        elif handle is not None:
            counts.read_for(candidates, skip_misfits=skip_misfits)  # the headers: not under the lock
            batch = _take_batch(svc, handle, counts)
            if batch:
                yield from _predict(svc, handle, batch)


def _take_batch(svc: PredictionService, handle, counts: PixelCounts) -> list[FileKey]:
    """The batch, from what is asked for now, sized by the counts read: none when a model was asked for
    (or none), or a stop, while they were read (the loop's next round sees to it)."""
    with svc._cond:
        if svc._stop or svc._pending_spec is not None or svc._handle is not handle:
            return []
        return svc._take_batch(counts.known)


def _prepare(svc: PredictionService, spec: str, asked: int) -> bool:
    """The import ``spec``'s load needs first (`tensorflow_import.prepare_for`: TensorFlow's, for a model
    without verified .tflite files), until one is done for good; False when told to stop, or when another
    model (or none) was asked for, before it began or while it ran: no model is loaded after it."""
    with svc._cond:
        while not svc._may_prepare and not svc._prepared and not svc._stop and svc._asked == asked:
            svc._cond.wait()  # held back (`hold_prepare`): the window's first image first
        if svc._stop or svc._asked != asked:
            return False
        if svc._prepared:
            return True
        svc._importing = True
    done = False
    try:
        import_first = svc._import_first
        assert import_first is not None, "None: nothing to import, and `_prepared` was True from the start"
        done = import_first(spec)
    finally:
        with svc._cond:
            svc._importing = False
            svc._prepared = done
    with svc._cond:
        return not svc._stop and svc._asked == asked


def _load(svc: PredictionService, spec: str, asked: int):
    yield ("loading", spec)
    try:
        if not _prepare(svc, spec, asked):
            return
        handle = svc._factory(spec)
    except Exception as exc:  # noqa: BLE001 - shown in the UI, the app keeps working
        with svc._cond:
            if svc._asked == asked:  # (a stale failure leaves alone the model asked for since, and what it serves)
                svc._handle, svc._version, svc._fingerprint, svc._early = None, None, None, None
        yield ("failed", spec, failure_text(exc))  # the window takes back what was served (as no model's)
        return
    with svc._cond:
        if svc._asked != asked:
            return  # another model, or none (`unload`), was asked for while this one loaded: it is stale
        fingerprint = getattr(handle, "fingerprint", None)
        # served under the files as they were when asked for; the loaded model has others (replaced meanwhile)
        served_others = svc._early is not None and svc._early != fingerprint
        svc._handle = handle
        svc._version = handle.info.version_id
        svc._fingerprint = fingerprint
        svc._early = None
    if served_others:
        yield ("dropped",)
    yield ("loaded", handle.info)


def _predict(svc: PredictionService, handle, batch: list[FileKey]):
    version = handle.info.version_id
    fingerprint = getattr(handle, "fingerprint", None)
    try:
        results = list(handle.predict_paths([Path(p) for p, _ in batch]))
        if len(results) != len(batch):
            raise PredictionError(f"model returned {len(results)} results for {len(batch)} images")
    except Exception as exc:  # noqa: BLE001 - a model failure is reported per image
        results = [PredictionError(f"model failed: {type(exc).__name__}: {exc}")] * len(batch)
    # an output that is not a number (broken weights) is no prediction: no NaN box to draw or accept
    results = [PredictionError("the model's output is not a number (no class, or no box)")
               if getattr(result, "has_class", True) is False else result for result in results]
    for (path, stamp), result in zip(batch, results, strict=True):
        if may_cache(Path(path), (path, stamp), failed=isinstance(result, Exception)):
            svc._store((path, stamp, version), result)
        svc._disk.put(fingerprint, (path, stamp), result)  # failures are not kept there
        yield ("predicted", path, version, result)
    svc._disk.save_if_due()
