"""A small window gives the image list less width and a larger one gives back what the user chose."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from petloc_gui.ui.dock_share import DockShare


class _Mouse:
    """Whether a mouse button is down, as the test says (the user dragging the dock's edge)."""

    down = False

    def __call__(self) -> bool:
        return self.down


def _drag(qtbot, window, dock, width):
    """The user drags the dock's edge to ``width``."""
    share = window.findChild(DockShare)
    share.dragging.down = True
    try:
        window.resizeDocks([dock], [width], Qt.Horizontal)
        qtbot.waitUntil(lambda: abs(dock.width() - width) <= 2, timeout=3000)
    finally:
        share.dragging.down = False


def _window(qtbot, wish=460, floor=150):
    window = QMainWindow()
    window.setCentralWidget(QLabel("panes"))
    dock = QDockWidget("Images", window)
    dock.setWidget(QLabel("list"))
    window.addDockWidget(Qt.LeftDockWidgetArea, dock)
    qtbot.addWidget(window)
    share = DockShare(window, [dock], wish, floor=lambda dock: max(floor, dock.minimumSizeHint().width()),
                      dragging=_Mouse())
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
    # Qt resizing the dock by itself teaches nothing
    window.resizeDocks([dock], [500], Qt.Horizontal)
    qtbot.waitUntil(lambda: abs(dock.width() - 500) <= 2, timeout=3000)
    assert abs(share.wish - 460) <= 2
    # the user drags the list wider (the window's size unchanged): that is the width to give back
    _drag(qtbot, window, dock, 540)
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
    _drag(qtbot, window, dock, 300)  # the user drags the list narrower than the floor
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
    for width in range(floor, 461, 4):  # Conf. gives way first: never Conf. without Predicted
        window.resizeDocks([dock], [width], Qt.Horizontal)
        qtbot.waitUntil(lambda width=width: abs(dock.width() - width) <= 2, timeout=3000)
        assert not (header.isSectionHidden(COL_PRED) and not header.isSectionHidden(COL_CONF)), width
    window.resizeDocks([dock], [460], Qt.Horizontal)
    qtbot.waitUntil(lambda: not hidden(), timeout=3000)


def test_a_panel_tabbed_with_the_list_does_not_teach_its_minimum_as_the_users_width(qtbot):
    window, dock, share = _window(qtbot)
    panel = QDockWidget("Dataset", window)
    content = QLabel("charts")
    content.setMinimumWidth(320)
    panel.setWidget(content)
    window.addDockWidget(Qt.LeftDockWidgetArea, panel)
    window.tabifyDockWidget(dock, panel)
    share.docks.append(panel)
    panel.installEventFilter(share)
    panel.raise_()  # the Dataset tab is the current one
    _resized(qtbot, window, 640)
    assert dock.width() >= 318 and abs(share.wish - 460) <= 2  # Qt's clamp, not the user's choice
    _resized(qtbot, window, 1400)
    assert abs(share._shown().width() - 460) <= 2  # the tab on screen


def test_a_list_shown_again_in_a_smaller_window_is_fitted(qtbot):
    window, dock, _ = _window(qtbot)
    dock.hide()
    _resized(qtbot, window, 900)
    dock.show()
    qtbot.waitUntil(lambda: abs(dock.width() - 405) <= 2, timeout=3000)
