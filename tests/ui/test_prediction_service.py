"""The prediction worker: urgent first, cache keyed by file mtime and model version."""

from __future__ import annotations

import os

from petloc_gui.ui.models.prediction_service import PredictionService

from .conftest import PRED, FakeFactory


def _service(qtbot, factory):
    service = PredictionService(factory)
    got = []
    service.predicted.connect(lambda path, version, result: got.append((os.path.basename(path), version)))
    return service, got


def test_urgent_images_go_first_and_results_are_cached(qtbot, folder):
    factory = FakeFactory(dict(PRED))
    service, got = _service(qtbot, factory)
    try:
        paths = sorted(folder.glob("*.png"))
        # Both queued before the model exists, so the order is decided by priority alone.
        service.request_background(paths)
        service.request([paths[3]])
        service.set_model("m")
        qtbot.waitUntil(lambda: len(got) == len(paths), timeout=5000)
        calls = factory.handles[-1].calls
        assert calls[0] == [paths[3].name], "the urgent image runs alone, first"
        assert sorted(c for call in calls for c in call) == sorted(p.name for p in paths), "each image once"
        assert service.cached(paths[1]).label == PRED["b.png"].label
        assert service.is_idle()
        # Asking again for cached images does not run the model again.
        calls_before = len(factory.handles[-1].calls)
        service.request(paths)
        qtbot.wait(200)
        assert len(factory.handles[-1].calls) == calls_before
    finally:
        service.shutdown()


def test_changed_file_and_new_model_are_predicted_again(qtbot, folder):
    factory = FakeFactory(dict(PRED))
    service, got = _service(qtbot, factory)
    try:
        path = folder / "a.png"
        service.set_model("m1")
        qtbot.waitUntil(lambda: service.version() == "m1-v1", timeout=5000)
        service.request([path])
        qtbot.waitUntil(lambda: service.cached(path) is not None, timeout=5000)
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert service.cached(path) is None, "an edited image is not served from the cache"
        service.request([path])
        qtbot.waitUntil(lambda: service.cached(path) is not None, timeout=5000)
        service.set_model("m2")
        assert service.cached(path) is None
        qtbot.waitUntil(lambda: service.version() == "m2-v1", timeout=5000)
        service.request([path])
        qtbot.waitUntil(lambda: ("a.png", "m2-v1") in got, timeout=5000)
    finally:
        service.shutdown()


def test_a_model_that_raises_gives_per_image_errors(qtbot, folder):
    factory = FakeFactory(dict(PRED))
    service, _got = _service(qtbot, factory)
    try:
        service.set_model("m")
        qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
        factory.handles[-1].predict_paths = lambda paths: 1 / 0
        service.request([folder / "a.png"])
        qtbot.waitUntil(lambda: service.cached(folder / "a.png") is not None, timeout=5000)
        assert "model failed" in str(service.cached(folder / "a.png"))
    finally:
        service.shutdown()


def test_an_urgent_request_is_done_once_cached_and_not_predicted_again_when_its_file_goes(qtbot, folder):
    factory = FakeFactory(dict(PRED))
    service, got = _service(qtbot, factory)
    try:
        a, b = folder / "a.png", folder / "b.png"
        service.set_model("m")
        service.request([a, b])
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
        service.request([a, b])  # shown again: both cached, nothing to run
        qtbot.waitUntil(service.is_idle, timeout=5000)
        b.unlink()  # deleted by another program while the window shows a (b: a neighbour asked for)
        service.request_background([a])  # anything that wakes the worker
        qtbot.wait(300)
        assert got == [("a.png", "m-v1"), ("b.png", "m-v1")]  # b is not tried again (it would fail)
    finally:
        service.shutdown()


def test_an_image_deleted_while_predicted_and_moved_back_with_its_old_time_is_predicted_again(
        qtbot, folder, tmp_path, monkeypatch):
    import shutil

    from .conftest import FakeHandle

    path, away = folder / "a.png", tmp_path / "a.png"
    predict = FakeHandle.predict_paths
    taken = []

    def moved_out_first(self, paths):  # another program takes it while the model reads it (once)
        if not taken:
            taken.append(shutil.move(path, away))
        return predict(self, paths)

    monkeypatch.setattr(FakeHandle, "predict_paths", moved_out_first)
    service, got = _service(qtbot, FakeFactory(dict(PRED)))
    try:
        service.set_model("m")
        service.request([path])
        qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
        shutil.move(away, path)  # back, with the time it had when it was asked for
        assert service.cached(path) is None  # not the error: that was of the file when it was missing
        service.request([path])
        qtbot.waitUntil(lambda: service.cached(path) is not None, timeout=5000)
        assert service.cached(path).label == PRED["a.png"].label
    finally:
        service.shutdown()


def test_a_model_asked_away_while_it_loads_is_dropped(qtbot, folder):
    import threading

    release = threading.Event()

    class SlowFactory(FakeFactory):
        def __call__(self, spec):
            release.wait(5)
            return super().__call__(spec)

    service, got = _service(qtbot, SlowFactory(dict(PRED)))
    loaded = []
    service.model_loaded.connect(loaded.append)
    try:
        service.set_model("slow")
        qtbot.wait(100)  # the worker is loading it
        service.unload()  # "no model knows these classes"
        release.set()
        service.request([folder / "a.png"])
        qtbot.wait(500)
        assert service.version() is None and loaded == [] and got == []
    finally:
        service.shutdown()


def test_an_image_read_half_copied_is_predicted_again_once_complete(qtbot, folder, monkeypatch):
    import os

    from .conftest import FakeHandle

    path = folder / "a.png"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])  # a copy still being written
    predict = FakeHandle.predict_paths
    finished = []

    def copy_ends_meanwhile(self, paths):
        out = predict(self, paths)
        if not finished:  # the copy ends while the model runs
            finished.append(path.write_bytes(whole))
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        return out

    monkeypatch.setattr(FakeHandle, "predict_paths", copy_ends_meanwhile)
    service, got = _service(qtbot, FakeFactory(dict(PRED)))
    try:
        service.set_model("m")
        service.request([path])
        qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
        assert service.cached(path) is None  # the failure was of a file that has changed since
        service.request([path])
        qtbot.waitUntil(lambda: service.cached(path) is not None, timeout=5000)
        assert service.cached(path).label == PRED["a.png"].label
    finally:
        service.shutdown()


def test_a_model_switched_away_from_while_it_loads_is_not_the_one_used(qtbot, folder):
    import threading

    release = threading.Event()

    class SlowFactory(FakeFactory):
        def __call__(self, spec):
            if spec == "a":
                release.wait(5)
            return super().__call__(spec)

    service, _got = _service(qtbot, SlowFactory(dict(PRED)))
    loaded = []
    service.model_loaded.connect(lambda info: loaded.append(info.spec))
    try:
        service.set_model("a")
        qtbot.wait(100)  # a is loading
        service.set_model("b")
        release.set()
        qtbot.waitUntil(lambda: service.version() == "b-v1", timeout=5000)
        qtbot.wait(200)
        assert loaded == ["b"] and service.version() == "b-v1"
    finally:
        service.shutdown()
