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


def test_a_width_the_user_chose_under_the_floor_is_kept(qtbot):
    window, dock, share = _window(qtbot, floor=420)
    window.resizeDocks([dock], [300], Qt.Horizontal)  # the user drags the list narrower than the floor
    qtbot.waitUntil(lambda: abs(dock.width() - 300) <= 2, timeout=3000)
    _resized(qtbot, window, 1300)
    assert abs(dock.width() - 300) <= 2 and abs(share.wish - 300) <= 2


def test_in_a_narrow_list_confidence_then_prediction_give_way_to_the_names(qtbot):
    from petloc_gui.ui.review.file_list import COL_CONF, COL_IOU, COL_NAME, COL_PRED, COL_STATUS
    from petloc_gui.ui.review.file_list_dock import FileListDock

    window = QMainWindow()
    window.setCentralWidget(QLabel("panes"))
    dock = FileListDock(window)
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    header = dock.view.horizontalHeader()

    def hidden():
        return [col for col in (COL_STATUS, COL_PRED, COL_CONF, COL_IOU) if header.isSectionHidden(col)]

    name = dock.view.fontMetrics().horizontalAdvance("Abyssinian_1.jpg")
    floor = dock.legible_width()
    for width, expected in ((460, []), (floor + 80, [COL_CONF]), (floor, [COL_PRED, COL_CONF])):
        window.resizeDocks([dock], [width], Qt.Horizontal)
        qtbot.waitUntil(lambda width=width: abs(dock.width() - width) <= 2, timeout=3000)
        qtbot.wait(20)
        assert sorted(hidden()) == sorted(expected), width
        assert header.sectionSize(COL_NAME) >= name - 2, width  # ~15 characters of every name show
    window.resizeDocks([dock], [460], Qt.Horizontal)
    qtbot.waitUntil(lambda: not hidden(), timeout=3000)
