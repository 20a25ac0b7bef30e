"""Floating the Dataset panel and then the Images list by their buttons put both at the same spot beside the
window (x=1409, y=20 on a wide screen): the second hid the first. The second goes where the first does not cover
it, below it or on the window's other side, when the screen has room."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

from petloc_gui.ui.window_geometry import room_beside

SCREEN = QRect(0, 0, 2560, 1440)
DOCK = QSize(460, 640)


def _floated(qtbot, dock) -> None:
    if dock.isHidden():
        dock.show()
    dock.setFloating(True)  # as its float button does: no mouse button down
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)


def test_two_docks_floated_by_their_buttons_do_not_cover_each_other(qtbot, window):
    area = window.file_dock.floating_guard.area()
    # room beside the window for one dock's width, and for two docks' heights
    window.setGeometry(QRect(area.left(), area.top() + 40, area.width() // 2, area.height() // 2 - 80))
    qtbot.wait(50)
    panel, listing = window.dataset_panel, window.file_dock
    _floated(qtbot, panel)
    qtbot.waitUntil(lambda: panel.x() >= window.frameGeometry().right(), timeout=5000)
    _floated(qtbot, listing)
    qtbot.waitUntil(lambda: listing.x() >= window.frameGeometry().right(), timeout=5000)
    qtbot.wait(100)  # both placed by now
    first, second = panel.frameGeometry(), listing.frameGeometry()
    assert not first.intersects(second), (first, second, area)
    assert area.contains(first) and area.contains(second), (first, second, area)
    assert not second.intersects(window.frameGeometry())


def test_the_second_goes_below_the_first_when_there_is_room():
    window = QRect(0, 20, 1400, 1000)
    first = QRect(QPoint(1400, 20), DOCK)
    assert room_beside(window, DOCK, SCREEN, [first]) == QPoint(1400, 660)


def test_else_on_the_other_side_of_the_window():
    window = QRect(600, 20, 1400, 1000)
    first = QRect(QPoint(2000, 20), QSize(460, 1300))
    assert room_beside(window, DOCK, SCREEN, [first]) == QPoint(140, 20)


def test_else_beside_the_first_further_out():
    window = QRect(0, 20, 1400, 1000)
    first = QRect(QPoint(1400, 20), QSize(460, 1300))
    assert room_beside(window, DOCK, SCREEN, [first]) == QPoint(1860, 20)


def test_no_room_that_the_first_leaves():
    window = QRect(0, 20, 1800, 1000)
    first = QRect(QPoint(1800, 20), QSize(460, 1300))
    assert room_beside(window, DOCK, SCREEN, [first]) is None
    assert room_beside(window, DOCK, SCREEN) == QPoint(1800, 20)  # beside the window all the same (the caller's)
