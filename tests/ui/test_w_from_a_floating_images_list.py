"""W with the keyboard in a floating Images list (a window of its own) gives the main window the keys, so
Return then places a box (`focus_canvas`, not the canvas's setFocus alone: the keyboard moved inside the main
window stayed in the dock's window).

In a process of its own (the test at the end): once in a whole-suite run on two workers under load, the worker
died (SIGSEGV in the list model's flush at teardown) right after this test, and pytest-xdist's loadgroup
scheduling then waited for ever; a crash here stays inside the subprocess, a failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait
from .test_w_from_the_images_list import _key

ALONE = "PETLOC_TEST_FLOATING_W_ALONE"
alone = pytest.mark.skipif(ALONE not in os.environ, reason="run by the test below, in a process of its own")


@alone
def test_w_from_a_floating_images_list_gives_the_main_window_the_keys(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no box
    doc = window.session.store.document(3)
    dock = window.file_dock
    dock.setFloating(True)  # a window of its own: the keyboard moved inside the main one stayed in the dock
    qtbot.waitExposed(dock)
    dock.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
    dock.view.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(dock.view.hasFocus, timeout=5000)
    _key(qtbot, Qt.Key_W)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window.panel.gt_pane.hasFocus(), timeout=5000)
    _key(qtbot, Qt.Key_Return)
    assert len(doc.objects) == 1


@pytest.mark.skipif(ALONE in os.environ, reason="the process this test starts")
def test_the_floating_list_test_in_a_process_of_its_own(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "--basetemp", str(tmp_path / "t"), __file__], capture_output=True, text=True,
                          env={**os.environ, ALONE: "1"}, cwd=Path(__file__).resolve().parents[2], timeout=300)
    said = done.stdout[-3000:] + done.stderr[-2000:]
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith("1 passed"), said
