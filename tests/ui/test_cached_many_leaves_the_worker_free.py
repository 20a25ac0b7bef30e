"""`PredictionService.cached_many` (a folder's fill from the cache, thousands of keys on the UI thread) gives
its results by the keys' path strings, builds no Path, and reads the predictions kept on disk without holding
the service's lock: a folder's first read parses its file, and the worker waited for it."""

from __future__ import annotations

import threading
from pathlib import Path

from petloc_gui.app.file_key import FileStamp
from petloc_gui.app.prediction_disk_cache import ModelFingerprint
from petloc_gui.ui.models.prediction_service import PredictionService

from .conftest import FakeFactory, FakeHandle

FINGERPRINT = ModelFingerprint("/models/m", "files-1")


class KeptFactory(FakeFactory):
    def __call__(self, spec: str) -> FakeHandle:
        handle = super().__call__(spec)
        handle.fingerprint = FINGERPRINT
        return handle


class SlowDisk:
    """A disk cache holding every image's prediction, whose reading checks that another thread (the worker)
    may take the service's lock meanwhile."""

    def __init__(self) -> None:
        self.service: PredictionService | None = None
        self.reads: list[str] = []
        self.worker_waited = False

    def get(self, model, key):
        if model != FINGERPRINT:
            return None
        self.reads.append(key[0])
        # takes the lock, as the worker's loop does (held by the caller, it ends once cached_many returns)
        asking = threading.Thread(target=self.service.is_idle, daemon=True)
        asking.start()
        asking.join(2)
        self.worker_waited = self.worker_waited or asking.is_alive()
        return f"kept for {Path(key[0]).name}"

    def get_many(self, model, keys):
        return [self.get(model, key) for key in keys]

    def put(self, model, key, result) -> None:
        pass

    def unsaved(self) -> bool:
        return False

    def save(self) -> None:
        pass

    def save_if_due(self) -> None:
        pass


def test_kept_predictions_are_read_with_the_lock_free_and_given_by_path(qtbot, tmp_path):
    disk = SlowDisk()
    service = PredictionService(KeptFactory({}), disk=disk)
    disk.service = service
    keys = [(str(tmp_path / f"img{n}.jpg"), FileStamp(1, 2, 3)) for n in range(3)]
    try:
        service.set_model("m")
        qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
        found = service.cached_many(keys)
        assert found == {path: f"kept for img{n}.jpg" for n, (path, _) in enumerate(keys)}
        assert not disk.worker_waited
        assert service.cached_many(keys) == found  # kept in memory now: the disk is not read again
        assert disk.reads == [path for path, _ in keys]
    finally:
        service.shutdown()
