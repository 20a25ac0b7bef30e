"""A floating dock keeps the size the user gave it at QT_SCALE_FACTOR=1.5 while its contents change: the Images
list floated, its "images added to the folder" line shown and hidden (a file copied in, then F5).

At 1.5 under openbox the floated Images list lost a native pixel of height each time (590 -> 584 over three
copies and reloads): as for the main window (test_window_keeps_its_size.py), Qt asks the window manager for
resizes in steps of 2 native pixels counted from the window's minimum size, the line moves that minimum (270 ->
321 native px and back), and openbox put the dock back on the moved grid, rounding down. The offscreen platform
has no window manager: `SizeStepsAsOpenbox` plays its part. The scale is read once per process: the check runs
in a process of its own.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSize

from .conftest import open_and_wait
from .size_steps import SizeStepsAsOpenbox, q_round, run_at_150_percent

SCALE_VARIABLE = "PETLOC_TEST_DOCK_SIZE_STEPS"
SCREEN = (2560, 1600)  # native px: room at 1.5 for the window and the dock beside it
SETTLE_MS = 60  # the hints' round trip (the layout, then the manager's answer): a few turns of the event loop


def _notice_shown_and_hidden(qtbot, dock, root: str, times: int) -> None:
    for number in range(times):
        dock.show_folder_change([f"new{number}.jpg"], [], root)  # what the folder watch says of a copied image
        qtbot.wait(SETTLE_MS)
        dock.show_folder_change([], [], root)  # what F5 leaves
        qtbot.wait(SETTLE_MS)


@pytest.mark.skipif(SCALE_VARIABLE not in os.environ, reason="run by the test below, in a process of its own")
def test_at_this_scale_the_floating_dock_keeps_its_size(qtbot, as_on_x11, window, folder):
    scale = float(os.environ["QT_SCALE_FACTOR"])
    assert q_round(scale) == 2  # resize steps of 2 native px: what moved the dock
    open_and_wait(qtbot, window, folder)
    dock = window.file_dock
    dock.setFloating(True)  # its title bar's float button
    qtbot.waitUntil(lambda: dock.isWindow() and dock.isVisible() and dock.windowHandle() is not None)
    qtbot.wait(SETTLE_MS)
    before = dock.minimumSize()
    dock.show_folder_change(["new.jpg"], [], str(folder))
    qtbot.wait(SETTLE_MS)
    assert dock.minimumSize() != before, "the line under the list moves the dock's minimum: what the check is of"
    dock.show_folder_change([], [], str(folder))
    qtbot.wait(SETTLE_MS)

    manager = SizeStepsAsOpenbox(dock, scale)
    dock.resize(QSize(500, 600))  # as the user dragged it, put on the grid once
    qtbot.wait(SETTLE_MS)
    first = dock.size()
    assert abs(first.width() - 500) <= 1 and abs(first.height() - 600) <= 1, first

    _notice_shown_and_hidden(qtbot, dock, str(folder), 8)
    assert dock.size() == first, ("the added-images line shown and hidden 8 times", first, dock.size(),
                                  manager.snaps)


@pytest.mark.slow
def test_the_floating_dock_keeps_its_size_at_150_percent(tmp_path):
    inner = test_at_this_scale_the_floating_dock_keeps_its_size.__name__
    done = run_at_150_percent(__file__, inner, SCALE_VARIABLE, SCREEN, tmp_path)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]
