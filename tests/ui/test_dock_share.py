"""A small window gives the image list less width and a larger one gives back what the user chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from petloc_gui.ui.dock_share import DockShare


def _window(qtbot, wish=460, floor=150):
    window = QMainWindow()
    window.setCentralWidget(QLabel("panes"))
    dock = QDockWidget("Images", window)
    dock.setWidget(QLabel("list"))
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    qtbot.addWidget(window)
    share = DockShare(window, [dock], wish, floor=lambda _dock: floor)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    share.fit()
    return window, dock, share


def _resized(qtbot, window, width):
    window.resize(width, 600)
    qtbot.waitUntil(lambda: window.width() == width, timeout=3000)
    qtbot.wait(50)  # the dock layout follows the window's


def test_a_shrinking_window_caps_the_list_and_a_growing_one_gives_back_the_users_width(qtbot):
    window, dock, share = _window(qtbot)
    qtbot.waitUntil(lambda: abs(dock.width() - 460) <= 2, timeout=3000)
    _resized(qtbot, window, 900)
    assert abs(dock.width() - 405) <= 2  # 45 %: each image pane keeps ~245 px instead of ~220
    _resized(qtbot, window, 1400)
    assert abs(dock.width() - 460) <= 2
    # the user drags the list wider (the window's size unchanged): that is the width to give back
    window.resizeDocks([dock], [540], Qt.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - 540) <= 2, timeout=3000)
    assert abs(share.wish - 540) <= 2
    _resized(qtbot, window, 900)
    _resized(qtbot, window, 1500)
    assert abs(dock.width() - 540) <= 2


def test_the_list_never_goes_under_its_legible_width(qtbot):
    window, dock, _ = _window(qtbot, floor=420)
    _resized(qtbot, window, 800)
    assert abs(dock.width() - 420) <= 2
