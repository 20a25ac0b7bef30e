"""The UI tests' window is deleted whole when its test ends, before a garbage collection can reach it.

Closed with ``deleteLater()``, its C++ side lived on until an event loop ran, while the collector between
tests freed its Python wrappers caught in cycles, and with them widgets inside it (headers, the Dataset
panel's summary and body) whose window still ran its timers.

In a process of its own (the test at the end): in two whole-suite runs on two workers this test failed after what
earlier tests of its worker left behind, and the worker then died (SIGSEGV in the Images list model's flush at its
teardown), after which pytest-xdist's loadgroup scheduling waited for ever; alone it passes."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .conftest import main_window_for_a_test
from .test_dataset_panel_keys import _press
from .test_dataset_panel_problems_link_after_enter import _link_focused, _still_on_the_link

ALONE = "PETLOC_TEST_WINDOW_TEARDOWN_ALONE"
alone = pytest.mark.skipif(ALONE not in os.environ, reason="run by the test below, in a process of its own")


@alone
def test_the_window_is_deleted_whole_before_a_collection(qtbot, factory, tmp_path, folder):
    runs = main_window_for_a_test(qtbot, factory, tmp_path)
    win = next(runs)
    # what the collection found inside the window: Enter on the "1 problem" link, as that test does
    panel = _link_focused(qtbot, win, folder)
    _press(qtbot, Qt.Key_Return)
    _still_on_the_link(qtbot, panel)
    deleted: list[str] = []
    inside = [win, *win.findChildren(QWidget)]
    for widget in inside:
        kind = type(widget).__name__
        widget.destroyed.connect(lambda *_, kind=kind: deleted.append(kind))  # holds no widget
    in_the_window = len(inside)
    del win, panel, inside, widget  # as a test ends: only the fixture holds the window
    next(runs, None)  # the fixture's teardown
    by_the_teardown = len(deleted)
    gc.collect()
    assert deleted[by_the_teardown:] == []  # the collection deleted no widget of it
    assert by_the_teardown == in_the_window  # the teardown deleted them all


@pytest.mark.skipif(ALONE in os.environ, reason="the process this test starts")
def test_the_teardown_test_in_a_process_of_its_own(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "--basetemp", str(tmp_path / "t"), __file__], capture_output=True, text=True,
                          env={**os.environ, ALONE: "1"}, cwd=Path(__file__).resolve().parents[2], timeout=300)
    said = done.stdout[-3000:] + done.stderr[-2000:]
    assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith("1 passed"), said
