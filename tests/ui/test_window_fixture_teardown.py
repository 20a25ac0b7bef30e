"""The UI tests' window is deleted whole when its test ends, before a garbage collection can reach it.

Closed with ``deleteLater()``, its C++ side lived on until an event loop ran, while the collector between
tests freed its Python wrappers caught in cycles, and with them widgets inside it (headers, the Dataset
panel's summary and body) whose window still ran its timers."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .conftest import main_window_for_a_test
from .test_dataset_panel_keys import _press
from .test_dataset_panel_problems_link_after_enter import _link_focused, _still_on_the_link


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
