"""The first run wrote the demo folder (200 images and XML files, about 1,200 fsyncs) on the UI thread:
the window froze for seconds (10-11 s in the startup hunt), unable to repaint or close. It is written
in a worker now, the status line saying so, and the folder opens when it is written."""

from __future__ import annotations

import threading

import pytest

from .conftest import wait_predictions


@pytest.fixture
def slow_writer(monkeypatch, folder):
    """The demo writer replaced: it notes its thread and waits to be let go, then gives ``folder``."""
    from petloc_gui.app import demo_folder

    record = {"threads": [], "go": threading.Event(), "fail": None}

    def write(count=demo_folder.DEMO_COUNT):
        record["threads"].append(threading.current_thread())
        record["go"].wait(10)
        if record["fail"] is not None:
            raise record["fail"]
        return folder

    monkeypatch.setattr(demo_folder, "ensure_demo_folder", write)
    yield record
    record["go"].set()


def _start(window) -> None:
    from petloc_gui.ui.app import _startup, parse_args

    window.settings.last_folder = ""  # the first run
    _startup(window, parse_args([]), screenshot_mode=False)


def test_the_demo_is_written_in_a_worker_while_the_window_says_so(qtbot, window, folder, slow_writer):
    from petloc_gui.ui.demo_preparer import PREPARING

    _start(window)  # returns while the writer waits: it is not on this thread
    qtbot.waitUntil(lambda: bool(slow_writer["threads"]), timeout=5000)
    assert slow_writer["threads"][0] is not threading.main_thread()
    assert window.statusBar().currentMessage() == PREPARING
    assert window.current_folder() is None
    slow_writer["go"].set()
    qtbot.waitUntil(lambda: window.current_folder() == folder, timeout=5000)
    assert window.statusBar().currentMessage() != PREPARING
    wait_predictions(qtbot, window)


def test_a_demo_that_cannot_be_written_is_said_as_before(qtbot, window, slow_writer, answers):
    slow_writer["fail"] = OSError(28, "No space left on device")
    slow_writer["go"].set()
    _start(window)
    qtbot.waitUntil(lambda: bool(answers["warnings"]), timeout=5000)
    assert answers["warnings"] == ["Cannot create the demo folder: [Errno 28] No space left on device"]
    assert window.current_folder() is None


def test_a_folder_opened_while_the_demo_is_written_stays_open(qtbot, window, folder, tmp_path, slow_writer):
    from .conftest import write_image

    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png")
    _start(window)
    assert window.open_folder(other, model="fake")
    slow_writer["go"].set()
    qtbot.waitUntil(lambda: "demo folder is ready" in window.statusBar().currentMessage(), timeout=5000)
    assert window.current_folder() == other


def test_the_real_demo_is_written_and_opened_as_the_demo(qtbot, window):
    from petloc_gui.app.demo_folder import demo_folder

    _start(window)
    assert window.current_folder() is None  # not written on this thread: opened when written
    qtbot.waitUntil(lambda: window.current_folder() == demo_folder(), timeout=60_000)
    assert window.act["review_order"].isChecked()  # presented as the demo, as before
