"""The prediction worker: urgent first, cache keyed by file mtime and model version."""

from __future__ import annotations

import os

from petloc_gui.app.file_key import file_key
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
        service.request_background([file_key(p) for p in paths])
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


def test_a_model_whose_output_is_not_a_number_gives_no_box_to_draw_or_accept(qtbot, folder):
    from petloc_gui.core.boxes import Box
    from petloc_gui.model.inference import NO_LABEL, Prediction

    nan = float("nan")
    factory = FakeFactory({**PRED, "a.png": Prediction(NO_LABEL, nan, Box(nan, nan, nan, nan), {})})
    service, _got = _service(qtbot, factory)
    try:
        service.set_model("m")
        service.request([folder / "a.png"])
        qtbot.waitUntil(lambda: service.cached(folder / "a.png") is not None, timeout=5000)
        assert "not a number" in str(service.cached(folder / "a.png"))  # an error, as for a failed image
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
        service.request_background([file_key(a)])  # anything that wakes the worker
        qtbot.wait(300)
        assert got == [("a.png", "m-v1"), ("b.png", "m-v1")]  # b is not tried again (it would fail)
    finally:
        service.shutdown()


def _failing_once_while(qtbot, monkeypatch, path, before=lambda: None, after=lambda: None):
    """A service whose first prediction of ``path`` fails because another program changes the file as
    the model reads it (``before()`` and ``after()`` around the model, after the service took the
    file's key); returns ``(service, got)`` with that failure arrived and the service's cache asked."""
    from .conftest import FakeHandle

    predict = FakeHandle.predict_paths
    done = []

    def changed_meanwhile(self, paths):
        if done:
            return predict(self, paths)
        done.append(before())
        out = predict(self, paths)
        after()
        return out

    monkeypatch.setattr(FakeHandle, "predict_paths", changed_meanwhile)
    service, got = _service(qtbot, FakeFactory(dict(PRED)))
    service.set_model("m")
    service.request([path])
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
    return service, got


def _predicted_when_asked_again(qtbot, service, path) -> None:
    assert service.cached(path) is None  # not the failure: that was of the file as it was then
    service.request([path])
    qtbot.waitUntil(lambda: service.cached(path) is not None, timeout=5000)
    assert service.cached(path).label == PRED[path.name].label


def test_an_image_deleted_while_predicted_and_moved_back_with_its_old_time_is_predicted_again(
        qtbot, folder, tmp_path, monkeypatch):
    import shutil

    path, away = folder / "a.png", tmp_path / "a.png"
    service, _got = _failing_once_while(qtbot, monkeypatch, path, before=lambda: shutil.move(path, away))
    try:
        shutil.move(away, path)  # back, with the time it had when it was asked for
        _predicted_when_asked_again(qtbot, service, path)
    finally:
        service.shutdown()


class SlowFactory(FakeFactory):
    """Loading model "slow" waits until ``release`` is set (the others load at once)."""

    def __init__(self, table: dict) -> None:
        import threading

        super().__init__(table)
        self.release = threading.Event()

    def __call__(self, spec: str):
        if spec == "slow":
            self.release.wait(5)
        return super().__call__(spec)


def _loading_slow(qtbot) -> tuple[PredictionService, list, list, SlowFactory]:
    """A service loading model "slow": (service, predictions got, specs loaded, its factory)."""
    factory = SlowFactory(dict(PRED))
    service, got = _service(qtbot, factory)
    loaded: list[str] = []
    service.model_loaded.connect(lambda info: loaded.append(info.spec))
    service.set_model("slow")
    qtbot.wait(100)  # the worker is loading it
    return service, got, loaded, factory


def test_a_model_asked_away_while_it_loads_is_dropped(qtbot, folder):
    service, got, loaded, factory = _loading_slow(qtbot)
    try:
        service.unload()  # "no model knows these classes"
        factory.release.set()
        service.request([folder / "a.png"])
        qtbot.wait(500)
        assert service.version() is None and loaded == [] and got == []
    finally:
        service.shutdown()


def test_an_image_read_half_copied_is_predicted_again_once_complete(qtbot, folder, monkeypatch):
    import os

    path = folder / "a.png"
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 3])  # a copy still being written

    def copy_ends():  # while the model runs
        path.write_bytes(whole)
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    service, _got = _failing_once_while(qtbot, monkeypatch, path, after=copy_ends)
    try:
        _predicted_when_asked_again(qtbot, service, path)
    finally:
        service.shutdown()


def test_a_model_switched_away_from_while_it_loads_is_not_the_one_used(qtbot, folder):
    service, _got, loaded, factory = _loading_slow(qtbot)
    try:
        service.set_model("b")
        factory.release.set()
        qtbot.waitUntil(lambda: service.version() == "b-v1", timeout=5000)
        qtbot.wait(200)
        assert loaded == ["b"] and service.version() == "b-v1"
    finally:
        service.shutdown()


def test_dropping_images_from_the_background_list_keeps_its_place(folder):
    service = PredictionService(FakeFactory(dict(PRED)))  # no model: the worker takes nothing
    try:
        a, b, c, d, e = sorted(folder.glob("*.png"))
        service.request_background([file_key(p) for p in (a, b, c, d, e)])
        service._background_pos = 2  # a and b looked at
        service.drop_background([b, d])
        assert service._background == [file_key(p) for p in (a, c, e)] and service._background_pos == 1  # c next
        service.drop_background([folder / "not-listed.png"])
        assert service._background == [file_key(p) for p in (a, c, e)] and service._background_pos == 1
    finally:
        service.shutdown()
