"""A folder opened again shows the predictions its model made in an earlier run before the model has
loaded (TensorFlow's import and the bundle's load take seconds): only for the model about to be used
(the fingerprint of its files), taken back if it fails to load or turns out to be other files."""

from __future__ import annotations

import threading

import pytest

from petloc_gui.app.prediction_disk_cache import model_fingerprint

from .conftest import PRED, FakeFactory, main_window_for_a_test, wait_predictions

NAMES = sorted(PRED)


class BundleFactory(FakeFactory):
    """Fake models of a bundle folder's files, as real ones (`model_handle.bundle_fingerprint` and
    `RealModelHandle.fingerprint`); ``hold`` makes a load wait until ``release`` is set."""

    def __init__(self, bundle, hold: bool = False, fail_after_hold: bool = False) -> None:
        super().__init__(dict(PRED))
        self.bundle = bundle
        self.release = threading.Event()
        if not hold:
            self.release.set()
        self.fail_after_hold = fail_after_hold

    def fingerprint_of(self, spec: str):
        return model_fingerprint(self.bundle)

    def __call__(self, spec: str):
        self.release.wait(20)
        if self.fail_after_hold:
            raise RuntimeError("the weights do not fit this network")
        handle = super().__call__(spec)
        handle.fingerprint = model_fingerprint(self.bundle)  # as it is once loaded
        return handle


@pytest.fixture
def bundle(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "model.keras").write_bytes(b"weights 1")
    (folder / "meta.json").write_text("{}")
    return folder


def _windows(qtbot, tmp_path):
    """Windows one after the other, each with its own settings (a fresh run of petloc-gui)."""
    count = 0

    def window(factory):
        nonlocal count
        count += 1
        (tmp_path / f"run{count}").mkdir()
        return main_window_for_a_test(qtbot, factory, tmp_path / f"run{count}")

    return window


def _first_run(qtbot, tmp_path, folder, bundle) -> None:
    runs = _windows(qtbot, tmp_path)(BundleFactory(bundle))
    window = next(runs)
    try:
        assert window.open_folder(folder, model="fake")
        wait_predictions(qtbot, window)
    finally:
        next(runs, None)  # closed: its predictions written


def _labels(window) -> list:
    return [window.session.model.pred_label[row] for row in range(len(NAMES))]


def _reopen(qtbot, tmp_path, folder, factory):
    runs = main_window_for_a_test(qtbot, factory, tmp_path / "again")
    (tmp_path / "again").mkdir()
    window = next(runs)
    assert window.open_folder(folder, model="fake")
    return window, runs


def test_a_reopened_folder_shows_its_predictions_before_the_model_has_loaded(qtbot, tmp_path, folder, bundle):
    _first_run(qtbot, tmp_path, folder, bundle)
    factory = BundleFactory(bundle, hold=True)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        wait_predictions(qtbot, window)
        assert factory.handles == [] and window.current_model_info() is None  # still loading
        assert _labels(window) == [PRED[name].label for name in NAMES]
        qtbot.waitUntil(window.session.watchers.scanner.scan_done, timeout=10_000)
        assert window.session.queue_known()  # the review queue is final: b, whose box is far off, first
        assert window.session.next_to_review() == 1
        window.show_row(1)  # b: its prediction shown, and A accepts it as the loaded model's would be
        assert window.panel._prediction.box == PRED["b.png"].box
        window.accept_prediction()
        assert window.has_unsaved() and window.edits.doc.objects[0].box == PRED["b.png"].box
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
        qtbot.waitUntil(window.predictions.is_idle, timeout=5000)
        assert _labels(window) == [PRED[name].label for name in NAMES]
        assert factory.handles[0].calls == []  # the model ran on nothing: each prediction was its own
    finally:
        factory.release.set()
        next(runs, None)


def test_a_model_that_fails_to_load_takes_its_kept_predictions_back(qtbot, tmp_path, folder, bundle):
    _first_run(qtbot, tmp_path, folder, bundle)
    factory = BundleFactory(bundle, hold=True, fail_after_hold=True)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        wait_predictions(qtbot, window)
        factory.release.set()
        qtbot.waitUntil(lambda: window.model_problem is not None, timeout=5000)
        model = window.session.model
        assert model.count_predicted_or_failed() == 0 and _labels(window) == [None] * len(NAMES)
        assert window.predictions.cached(folder / "a.png") is None
        assert window.panel._prediction is None and "the weights do not fit" in window.panel._prediction_message
        window.accept_prediction()
        assert not window.has_unsaved()  # nothing to accept: no model made anything
    finally:
        factory.release.set()
        next(runs, None)


def test_a_changed_model_file_shows_no_kept_prediction(qtbot, tmp_path, folder, bundle):
    _first_run(qtbot, tmp_path, folder, bundle)
    (bundle / "model.keras").write_bytes(b"weights 2, retrained")
    factory = BundleFactory(bundle, hold=True)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        qtbot.wait(200)
        assert window.session.model.count_predicted_or_failed() == 0
        assert window.panel._prediction is None and window.panel._prediction_message == "Loading model…"
        factory.release.set()
        wait_predictions(qtbot, window)
        assert sorted(name for call in factory.handles[0].calls for name in call) == NAMES  # all made anew
    finally:
        factory.release.set()
        next(runs, None)


def test_a_model_replaced_while_it_loads_takes_the_kept_predictions_back(qtbot, tmp_path, folder, bundle):
    _first_run(qtbot, tmp_path, folder, bundle)
    factory = BundleFactory(bundle, hold=True)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        wait_predictions(qtbot, window)
        (bundle / "model.keras").write_bytes(b"weights 2, copied in while it loaded")
        dropped, rows = [], window.session.model
        window.predictions.early_dropped.connect(lambda: dropped.append(rows.count_predicted_or_failed()))
        factory.release.set()
        qtbot.waitUntil(lambda: bool(dropped), timeout=5000)
        assert dropped == [0]  # taken off the rows before the model's own came
        wait_predictions(qtbot, window)
        assert sorted(name for call in factory.handles[0].calls for name in call) == NAMES  # all made anew
    finally:
        factory.release.set()
        next(runs, None)


def test_a_screenshot_waits_for_the_model_not_for_its_kept_predictions(qtbot, tmp_path, folder, bundle,
                                                                       monkeypatch):
    # `petloc-gui --screenshot` took the window as soon as a prediction showed: on a reopen, the kept one,
    # before the model had loaded (and wrote it with exit 0 had the model then failed to load)
    from petloc_gui.ui.screenshot import ScreenshotTaker

    _first_run(qtbot, tmp_path, folder, bundle)
    factory = BundleFactory(bundle, hold=True)
    window, runs = _reopen(qtbot, tmp_path, folder, factory)
    try:
        wait_predictions(qtbot, window)  # the kept predictions, shown
        taker = ScreenshotTaker(window, tmp_path / "shot.png")
        assert not taker._ready()
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
        qtbot.waitUntil(taker._ready, timeout=5000)
    finally:
        factory.release.set()
        next(runs, None)
