"""The prediction worker reads its candidates' headers (to size a batch: `prediction_batches`) without the
service's lock: read under it, a PNG with a damaged chunk (~330 ms a header) froze the window, whose every
call into the service (`cached`, `request`, `is_idle`) waited up to 1.6 s for it."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

from petloc_gui.app.file_key import NO_FILE, file_key
from petloc_gui.app.prediction_disk_cache import PredictionDiskCache
from petloc_gui.core.images import image_size
from petloc_gui.ui.models import prediction_batches
from petloc_gui.ui.models.prediction_service import PredictionService

from .conftest import FakeFactory, write_image


def _images(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir()
    paths = [folder / name for name in names]
    for seed, path in enumerate(paths):
        write_image(path, size=(40, 30), seed=seed)
    return paths


def _service(tmp_path: Path, qtbot) -> tuple[PredictionService, FakeFactory, list[str]]:
    factory = FakeFactory({})
    service = PredictionService(factory, disk=PredictionDiskCache(tmp_path / "kept"))
    arrived: list[str] = []
    service.predicted.connect(lambda path, version, result: arrived.append(Path(path).name))
    service.set_model("m")
    qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
    return service, factory, arrived


class _HeldHeaders:
    """The worker's header reads held until ``go_on`` is set, counted by name; ``reading``: one started."""

    def __init__(self, monkeypatch) -> None:
        self.reading, self.go_on = threading.Event(), threading.Event()
        self.reads: Counter[str] = Counter()
        monkeypatch.setattr(prediction_batches, "image_size", self._read)

    def _read(self, path):
        self.reads[Path(path).name] += 1
        self.reading.set()
        self.go_on.wait(2)
        return image_size(path)


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_the_ui_thread_s_calls_do_not_wait_for_the_headers_read(qtbot, tmp_path, monkeypatch):
    paths = _images(tmp_path / "folder", [f"{n}.png" for n in range(4)])
    reading = threading.Event()

    def slow_header(path):  # a damaged chunk's, or a network share's
        reading.set()
        time.sleep(0.3)
        return image_size(path)

    monkeypatch.setattr(prediction_batches, "image_size", slow_header)
    service, factory, arrived = _service(tmp_path, qtbot)
    try:
        service.request_background([file_key(p) for p in paths])
        assert reading.wait(5), "the worker reads the headers to size its batch"
        waits = [_timed(lambda: service.cached(paths[0])), _timed(service.is_idle),
                 _timed(lambda: service.cached_many([file_key(paths[1])])), _timed(lambda: service.request([]))]
        assert max(waits) < 0.1, f"the UI thread waited {[round(w, 3) for w in waits]} s"
        qtbot.waitUntil(lambda: len(arrived) == len(paths), timeout=10_000)
        assert factory.handles[0].calls == [[p.name for p in paths]]  # still one batch
    finally:
        service.shutdown()


def test_an_image_clicked_while_headers_are_read_goes_first_alone(qtbot, tmp_path, monkeypatch):
    paths = _images(tmp_path / "folder", [f"{n}.png" for n in range(4)] + ["clicked.png", "next.png"])
    folder, clicked, following = paths[:4], paths[4], paths[5]
    held = _HeldHeaders(monkeypatch)
    service, factory, arrived = _service(tmp_path, qtbot)
    try:
        service.request_background([file_key(p) for p in folder])
        assert held.reading.wait(5)
        assert _timed(lambda: service.request([clicked, following])) < 0.1  # the lock is free meanwhile
        held.go_on.set()
        qtbot.waitUntil(lambda: len(arrived) == len(paths), timeout=10_000)
        assert factory.handles[0].calls == [["clicked.png"], ["next.png"], [p.name for p in folder]]
        # the image shown goes alone, whatever its size: its header is not read
        assert held.reads == Counter({p.name: 1 for p in [*folder, following]})
    finally:
        service.shutdown()


def test_the_image_that_did_not_fit_is_not_read_again_for_the_next_batch(qtbot, tmp_path, monkeypatch):
    paths = _images(tmp_path / "folder", [f"big{n}.png" for n in range(3)] + [f"small{n}.png" for n in range(3)])
    reads: Counter[str] = Counter()

    def counted_header(path):  # the "big" ones as 12 MP photos: one to a batch
        reads[Path(path).name] += 1
        return (4000, 3000) if Path(path).name.startswith("big") else image_size(path)

    monkeypatch.setattr(prediction_batches, "image_size", counted_header)
    service, factory, arrived = _service(tmp_path, qtbot)
    try:
        service.request_background([file_key(p) for p in paths])
        qtbot.waitUntil(lambda: len(arrived) == len(paths), timeout=10_000)
        assert factory.handles[0].calls == [["big0.png"], ["big1.png"], ["big2.png"],
                                            ["small0.png", "small1.png", "small2.png"]]
        assert reads == Counter({p.name: 1 for p in paths})
    finally:
        service.shutdown()


def test_a_model_asked_for_while_headers_are_read_predicts_the_image_shown(qtbot, tmp_path, monkeypatch):
    paths = _images(tmp_path / "folder", ["0.png", "1.png", "clicked.png"])
    folder, clicked = paths[:2], paths[2]
    held = _HeldHeaders(monkeypatch)
    service, factory, _ = _service(tmp_path, qtbot)
    try:
        service.request_background([file_key(p) for p in folder])
        assert held.reading.wait(5)
        service.request([clicked])
        service.set_model("n")  # the batch being formed is the old model's: dropped, the click is not
        held.go_on.set()
        qtbot.waitUntil(lambda: len(factory.handles) == 2 and len(factory.handles[1].calls) == 2, timeout=10_000)
        assert factory.handles[0].calls == []
        assert factory.handles[1].calls == [["clicked.png"], ["0.png", "1.png"]]
    finally:
        service.shutdown()


def test_images_asked_for_while_headers_are_read_are_predicted_the_first_alone(qtbot, tmp_path, monkeypatch):
    old = _images(tmp_path / "old", ["o0.png", "o1.png"])
    new = _images(tmp_path / "new", ["n0.png", "n1.png", "n2.png"])
    held = _HeldHeaders(monkeypatch)
    service, factory, arrived = _service(tmp_path, qtbot)
    try:
        service.request_background([file_key(p) for p in old])
        assert held.reading.wait(5)
        service.request_background([file_key(p) for p in new])  # another folder opened meanwhile
        held.go_on.set()
        qtbot.waitUntil(lambda: len(arrived) == len(new), timeout=10_000)
        # its first image's size is not known yet: alone (as one whose header cannot be read), not read first
        assert factory.handles[0].calls == [["n0.png"], ["n1.png", "n2.png"]]
    finally:
        service.shutdown()


def test_a_batch_takes_an_image_whose_count_is_not_known_first_and_alone():
    counts = prediction_batches.PixelCounts(read=lambda key: 100)
    known, unknown = ("known.png", NO_FILE), ("unknown.png", NO_FILE)
    counts.read(known)
    batch = prediction_batches.Batch(counts.known)
    assert batch.add(known) and not batch.add(unknown)
    alone = prediction_batches.Batch(counts.known)
    assert alone.add(unknown) and not alone.add(known)
    assert alone.keys == [unknown]
