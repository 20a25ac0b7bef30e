"""Starting a run with "Save my unsaved edits first" checked the saved labels on the UI thread (every
annotation of the folder read, and for a refused fine-tune read again with every image hashed): 8-11 s of
a frozen window, a wait cursor and nothing drawn, on 10,000 images. The check runs in a worker now, the
Retraining window says so meanwhile, and the run starts, or is refused, when it answers; an answer nobody
waits for any more (cancelled, the window closing, another folder open) starts nothing."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QTimer

from petloc_gui.ui.training import retrain_saved_check, retrain_start
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_saved_check import CANCELLED, CHECKING, FOLDER_CHANGED

from .retrain_host_standin import StandInWindow, standin_controller
from .test_retrain_saved_edits_case_variants import REFUSAL, _saving

pytestmark = pytest.mark.slow  # a run that starts is a child process

SLOW_S = 1.0
TICK_MS = 20


def _slow_check(monkeypatch) -> None:
    real = retrain_saved_check.run_case_variants

    def slow(*args, **kwargs):
        time.sleep(SLOW_S)
        return real(*args, **kwargs)

    monkeypatch.setattr(retrain_saved_check, "run_case_variants", slow)


def _held_check(monkeypatch) -> tuple[threading.Event, threading.Event]:
    """The check waits for ``release``; ``answered`` is set once it has returned in its worker."""
    release, answered = threading.Event(), threading.Event()
    real = retrain_saved_check.run_case_variants

    def held(*args, **kwargs):
        release.wait(10)
        try:
            return real(*args, **kwargs)
        finally:
            answered.set()

    monkeypatch.setattr(retrain_saved_check, "run_case_variants", held)
    return release, answered


def _ticking(controller) -> tuple[QTimer, list[bool]]:
    """A timer on the UI thread, each tick noting whether the run's child is still to start."""
    ticks: list[bool] = []
    timer = QTimer(interval=TICK_MS)
    timer.timeout.connect(lambda: ticks.append(controller.process is None))
    timer.start()
    return timer, ticks


def test_the_window_goes_on_while_the_saved_labels_are_checked_then_the_run_starts(qtbot, window, controller,
                                                                                  monkeypatch):
    _slow_check(monkeypatch)
    _saving(window, "bengal")
    timer, ticks = _ticking(controller)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        began = time.monotonic()
        assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
        assert time.monotonic() - began < SLOW_S  # back at once, the check going on
        assert controller.saved_check.busy and controller.process is None
        assert controller._progress_window().status.text() == CHECKING
        assert window.statusBar().currentMessage() == CHECKING
    timer.stop()
    assert ticks.count(True) >= 10  # ~50 ticks while it checked; none when the window waited for it
    assert finished.args[0].exit_code == 0 and controller.new_version is not None


def test_a_refusal_comes_when_the_check_ends(qtbot, window, controller, monkeypatch):
    _slow_check(monkeypatch)
    _saving(window, "Bengal")
    timer, ticks = _ticking(controller)
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    assert controller.last_message_box is None
    qtbot.waitUntil(lambda: controller.last_message_box is not None, timeout=10000)
    timer.stop()
    assert ticks.count(True) >= 10
    assert controller.last_message_box.text() == REFUSAL == window.statusBar().currentMessage()
    assert controller._progress_window().status.text() == REFUSAL
    assert controller.process is None and controller.staging is None and not controller.saved_check.busy


def _dropped(qtbot, controller, release, answered) -> None:
    """The held check answers; nothing comes of it."""
    release.set()
    qtbot.waitUntil(answered.is_set, timeout=10000)
    qtbot.wait(200)  # the answer's queued call, had it been waited for
    assert controller.process is None and controller.staging is None and not controller.saved_check.busy


def test_cancel_drops_the_check_and_starts_nothing(qtbot, window, controller, monkeypatch):
    release, answered = _held_check(monkeypatch)
    _saving(window, "bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    progress = controller._progress_window()
    assert progress.cancel_button.isEnabled()
    progress.cancel_button.click()
    assert progress.status.text() == CANCELLED == window.statusBar().currentMessage()
    _dropped(qtbot, controller, release, answered)
    assert controller.last_message_box is None and progress.status.text() == CANCELLED


def test_the_window_closing_drops_the_check(qtbot, window, controller, monkeypatch):
    release, answered = _held_check(monkeypatch)
    _saving(window, "bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    assert controller.confirm_quit()  # no run to stop: the window closes
    _dropped(qtbot, controller, release, answered)
    assert controller.last_message_box is None


def test_an_answer_for_a_window_gone_arrives_nowhere(qtbot, tmp_path, monkeypatch, _isolated_user_data):
    release, answered = _held_check(monkeypatch)
    (tmp_path / "data").mkdir()
    window = StandInWindow(tmp_path / "data")  # not the fixture's: deleted here
    controller = standin_controller(window)
    _saving(window, "bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    launched = []
    monkeypatch.setattr(type(controller), "_launch", lambda *args: launched.append(args) or "")
    shiboken6.delete(window)  # the controller and its check with it
    release.set()
    qtbot.waitUntil(answered.is_set, timeout=10000)
    qtbot.wait(200)  # the answer's queued call, had it somewhere to go (an error raised there fails the test)
    assert launched == []


def test_another_folder_opened_meanwhile_starts_no_run_on_either(qtbot, tmp_path, window, controller, monkeypatch):
    release, answered = _held_check(monkeypatch)
    _saving(window, "bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    (tmp_path / "other").mkdir()
    window._folder = tmp_path / "other"
    _dropped(qtbot, controller, release, answered)
    assert controller.last_message_box.text() == FOLDER_CHANGED == controller._progress_window().status.text()


def test_retrain_during_the_check_shows_it_and_opens_no_dialog(qtbot, window, controller, monkeypatch):
    release, answered = _held_check(monkeypatch)
    asked = []
    monkeypatch.setattr(retrain_start, "ask_run", lambda *args, **kwargs: asked.append(args))
    _saving(window, "bengal")
    assert controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))
    assert not controller.open_dialog() and asked == []
    assert window.statusBar().currentMessage() == CHECKING
    assert not controller.start(RetrainOptions(from_current=False, epochs=1, save_first=True))  # one at a time
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        release.set()
    assert answered.is_set()
