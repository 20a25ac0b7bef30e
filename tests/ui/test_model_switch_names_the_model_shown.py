"""A model switched to while the worker still loads another names the model now chosen, at once.

Model → Versions → a version, then quickly Model → Bundled: pets: the status line said "Loading model <the version>…"
for as long as the version's load took (the worker's own word, which came only once it began the next load), while
the header and the prediction pane showed pets' predictions (kept on disk by an earlier run, served while pets loads):
a box and an IoU read as the version's that it never gave. After Retraining → "Use the new model" the status line
kept the old model's name and figures beside the pane's "Loading model…". The status line now says "Loading model
<the one chosen>…" as the choice is made, as the pane and the Dataset panel do."""

from __future__ import annotations

import threading

from petloc_gui.app.prediction_disk_cache import model_fingerprint

from .conftest import PRED, FakeFactory, main_window_for_a_test, open_and_wait

KEPT = "fake"  # the model whose predictions an earlier run kept on disk


class HeldFactory(FakeFactory):
    """Fake models; ``KEPT``'s are a bundle's (its predictions kept on disk under its fingerprint), and a load of
    any other waits until ``release`` is set (a load that takes seconds)."""

    def __init__(self, bundle) -> None:
        super().__init__(dict(PRED))
        self.bundle = bundle
        self.release = threading.Event()

    def fingerprint_of(self, spec: str):
        return model_fingerprint(self.bundle) if spec == KEPT else None

    def __call__(self, spec: str):
        if spec != KEPT:
            self.release.wait(20)
        handle = super().__call__(spec)
        if spec == KEPT:
            handle.fingerprint = model_fingerprint(self.bundle)
        return handle


def _window(qtbot, tmp_path, folder, run: str):
    bundle = tmp_path / "bundle"
    if not bundle.is_dir():
        bundle.mkdir()
        (bundle / "model.keras").write_bytes(b"weights")
        (bundle / "meta.json").write_text("{}")
    (tmp_path / run).mkdir()
    factory = HeldFactory(bundle)
    runs = main_window_for_a_test(qtbot, factory, tmp_path / run)
    window = next(runs)
    open_and_wait(qtbot, window, folder, model=KEPT)
    window.show_row(1)
    return window, runs, factory


def _status(window) -> str:
    return window.model_status.text()


def test_a_model_picked_back_while_another_loads_is_the_one_named(qtbot, tmp_path, folder):
    _, runs, _ = _window(qtbot, tmp_path, folder, "run1")
    next(runs, None)  # closed: its predictions kept on disk
    window, runs, factory = _window(qtbot, tmp_path, folder, "run2")
    try:
        window.models.choose("version")  # its load takes seconds
        qtbot.waitUntil(lambda: "Loading model version" in _status(window), timeout=5000)  # the worker's word
        window.models.choose(KEPT)  # quickly back: its predictions kept on disk are shown while it loads
        assert window.panel._prediction.box == PRED["b.png"].box  # KEPT's own, served early
        qtbot.wait(300)  # (the worker still in the version's load)
        assert window.current_model_info() is None
        # it said "Loading model version…" over KEPT's prediction until the version's load ended
        assert "version" not in _status(window)
        assert f"Loading model {KEPT}" in _status(window)
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
        assert window.current_model_info().spec == KEPT and "version" not in _status(window)
    finally:
        factory.release.set()
        next(runs, None)


def test_the_new_model_adopted_is_named_as_its_load_begins(qtbot, tmp_path, folder):
    window, runs, factory = _window(qtbot, tmp_path, folder, "run1")
    try:
        assert window.panel._prediction is not None and "fake-fake" in _status(window)
        window.models.adopt("new")  # Retraining → Use the new model
        assert window.panel._prediction is None and window.panel._prediction_message == "Loading model…"
        # it said "Model: fake-fake (acc 0.900 · IoU 0.800 …)", the old model's name and figures, until the worker
        # began the new one's load
        assert "fake-fake" not in _status(window) and "Loading model new" in _status(window)
        qtbot.wait(300)
        assert window.panel._prediction is None and "Loading model new" in _status(window)
        factory.release.set()
        qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=5000)
        assert window.panel._prediction is not None and "fake-new" in _status(window)
    finally:
        factory.release.set()
        next(runs, None)
