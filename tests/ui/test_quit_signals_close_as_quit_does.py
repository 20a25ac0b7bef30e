"""SIGTERM or SIGHUP to petloc-gui (kill PID, closing the terminal that started it, a logout) ended the process at
once, Python's default: no save question, the XML unchanged, the unsaved edit lost without a word (a hunt's find).
Now the first one closes the window as File → Quit does, its questions asked ("Unsaved changes": Save All saves
the edit); a second one during that close ends the process at once (`ui.quit_signals`).

The real entry point (`app.main`) in a process of its own, offscreen, on a copy of a small folder, with a stand-in
model (no TensorFlow): once the first image is shown its box is relabelled (an unsaved edit), and the test sends
the signal. The "Unsaved changes" question is the real `SaveGuard.confirm_leave`'s, answered by a stand-in for
`QMessageBox.question` that says what it was asked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import IO

import pytest

from .conftest import GT, write_annotation, write_image

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGTERM and SIGHUP are Unix's")]

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QMessageBox
    from petloc_gui.ui import app, main_window
    from tests.ui.conftest import FakeFactory

    main_window.load_model_handle = FakeFactory({})  # no TensorFlow: a model that predicts "cat" everywhere
    answer = sys.argv[2]

    def question(parent, title, text, *args, **kwargs):
        print(f"asked: {title}", flush=True)
        if answer == "none":  # nobody there: the question stays open
            QEventLoop().exec()
        return QMessageBox.StandardButton.SaveAll

    QMessageBox.question = question
    start = app._startup

    def startup(window, args, screenshot_mode):
        start(window, args, screenshot_mode)

        def edit_once_shown():
            doc = window.edits.doc
            if doc is None or not doc.objects:
                QTimer.singleShot(50, edit_once_shown)
                return
            window.edits.select(0)
            assert window.edits.set_label("fox") and window.has_unsaved()
            print(f"edited {doc.annotation_path}", flush=True)

        edit_once_shown()

    app._startup = startup
    sys.exit(app.main([sys.argv[1]]))
    """)


@pytest.fixture
def small_folder(tmp_path):
    root = tmp_path / "pets"
    root.mkdir()
    for i, name in enumerate(GT):
        write_image(root / name, seed=i)
        write_annotation(root / name, GT[name])
    return root


@pytest.fixture
def start(small_folder):
    """Starts the child on ``small_folder``, its answer to the question given; ends it and its stderr file after."""
    started: list[tuple[subprocess.Popen, IO[str]]] = []

    def start_child(answer: str) -> subprocess.Popen:
        errors = (small_folder.parent / "stderr.txt").open("w+", encoding="utf-8")  # (an unread pipe may block it)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(small_folder), answer], stdout=subprocess.PIPE,
                                 stderr=errors, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        child.errors = errors
        started.append((child, errors))
        return child

    yield start_child
    for child, errors in started:
        child.kill()
        child.wait()
        errors.close()


def _errors(child: subprocess.Popen) -> str:
    child.errors.seek(0)
    return child.errors.read()[-3000:]


def _line(child: subprocess.Popen, start: str, timeout: float = 60) -> str:
    """The child's next stdout line starting with ``start`` (the test fails on its end or after ``timeout``)."""
    until = time.monotonic() + timeout
    while time.monotonic() < until:
        line = child.stdout.readline()
        if not line:
            child.wait(10)
            pytest.fail(f"the process ended ({child.returncode}) before saying {start!r}: {_errors(child)}")
        if line.startswith(start):
            return line.strip()
    pytest.fail(f"no {start!r} within {timeout} s")


@pytest.mark.parametrize("sent", ["SIGTERM", "SIGHUP"])
def test_a_quit_signal_asks_about_the_unsaved_edit_and_save_all_saves_it(start, sent):
    child = start("save")
    xml = Path(_line(child, "edited ").removeprefix("edited "))
    before = xml.read_text(encoding="utf-8")
    child.send_signal(getattr(signal, sent))
    assert _line(child, "asked: ") == "asked: Unsaved changes"
    assert child.wait(30) == 0, _errors(child)
    after = xml.read_text(encoding="utf-8")
    assert "<name>fox</name>" in after and after != before


def test_a_second_signal_during_the_questions_ends_the_process_at_once(start):
    child = start("none")
    xml = Path(_line(child, "edited ").removeprefix("edited "))
    before = xml.read_text(encoding="utf-8")
    child.send_signal(signal.SIGTERM)
    assert _line(child, "asked: ") == "asked: Unsaved changes"  # the question open, nobody answers
    child.send_signal(signal.SIGTERM)
    assert child.wait(10) == -signal.SIGTERM  # ended by the signal, as before, without waiting for an answer
    assert xml.read_text(encoding="utf-8") == before  # nothing saved unasked


def test_cancel_keeps_the_window_and_a_later_signal_asks_again(qtbot, window):
    from petloc_gui.ui.quit_signals import QuitSignals

    asked: list[str] = []
    window.guard.confirm_leave = lambda reload=False: asked.append("unsaved") is None and False  # Cancel
    signals = QuitSignals(window)  # (not installed: no signal reaches this test process)
    signals.received(signal.SIGTERM)
    qtbot.waitUntil(lambda: asked == ["unsaved"], timeout=5000)
    assert window.isVisible() and not signals.closing
    assert window.statusBar().currentMessage() == ("Asked to quit (SIGTERM from another program); the quit was "
                                                   "cancelled.")
    signals.received(signal.SIGHUP)  # asked again, not taken for a second signal
    qtbot.waitUntil(lambda: asked == ["unsaved", "unsaved"], timeout=5000)
    assert window.isVisible()
