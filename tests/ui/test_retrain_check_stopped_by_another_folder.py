"""Opening another folder while the saved labels of a window retrain were checked (`retrain_saved_check`: the
edits saved as the run starts, every saved annotation read in a worker) let that worker read the folder left
behind to its end (8-13 s on 10,000 images), for an answer only dropped on arrival ("Another folder was
opened..."). Opening another folder now stops it, as cancelling and closing the window do, and says so then.
The real window: its File → Open folder is what opens the other folder."""

from __future__ import annotations

import threading
import time

from petloc_gui.core.errors import CancelledError
from petloc_gui.ui.training import retrain_saved_check
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_saved_check import FOLDER_CHANGED

from .conftest import edit_b, open_and_wait, write_image

STOPS_WITHIN_S = 2.0


def _endless_check(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """The check reads until told to stop (a folder far too big to finish): ``reading`` is set once it reads,
    ``stopped`` once it saw ``stopped()`` say so."""
    reading, stopped = threading.Event(), threading.Event()

    def endless(*args, **kwargs):  # kwargs: the held-out test list (exclude=)
        is_stopped = args[-1]
        reading.set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if is_stopped():
                stopped.set()
                raise CancelledError("stopped")
            time.sleep(0.01)
        return ""

    monkeypatch.setattr(retrain_saved_check, "run_case_variants", endless)
    return reading, stopped


def _retraining(window, monkeypatch) -> tuple:
    from petloc_gui.ui.app import install_retraining

    install_retraining(window)
    controller = window.retrain_controller
    launched: list = []
    monkeypatch.setattr(type(controller), "_launch", lambda self, run: launched.append(run) or "")
    return controller, launched


def _other_folder(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png", seed=7)
    return other


def test_opening_another_folder_stops_the_saved_labels_check(qtbot, window, folder, tmp_path, monkeypatch):
    controller, launched = _retraining(window, monkeypatch)
    reading, stopped = _endless_check(monkeypatch)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    try:
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
        assert not window.has_unsaved() and controller.saved_check.busy
        qtbot.waitUntil(reading.is_set, timeout=5000)
        assert window.open_folder(_other_folder(tmp_path))
        assert not controller.saved_check.busy  # nobody waits for it: the folder it read is left
        assert controller.last_message_box is not None and controller.last_message_box.text() == FOLDER_CHANGED
        assert controller._progress_window().status.text() == FOLDER_CHANGED
        assert stopped.wait(STOPS_WITHIN_S)  # its worker stops within a file, not at the folder's end
        qtbot.wait(100)  # its answer's queued call, had it one
        assert launched == [] and controller.process is None
    finally:
        controller.shutdown()


def test_reopening_the_same_folder_lets_the_check_answer(qtbot, window, folder, monkeypatch):
    """F5 (the folder read again) is the same folder: the run starts on it once its labels are checked."""
    controller, launched = _retraining(window, monkeypatch)
    real = retrain_saved_check.run_case_variants
    release = threading.Event()

    def held(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(retrain_saved_check, "run_case_variants", held)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    try:
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
        assert window.reload_folder()
        assert controller.saved_check.busy
        release.set()
        qtbot.waitUntil(lambda: bool(launched), timeout=10000)
        assert [run.folder for run in launched] == [folder]
    finally:
        release.set()
        controller.shutdown()
