"""Where a floated Images dock goes: beside the window when the user floats it by its button or a double
click on its title; where the user left it when the window comes back with its saved layout (the restored
layout floated it with no mouse button down, which was taken for the button, and the dock was moved
beside the window on every start)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from .conftest import destroy_window


def _window(qtbot, factory, path):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    window = MainWindow(model_factory=factory, settings=Settings(path))
    window.show()
    qtbot.waitExposed(window)
    return window


def _narrow(area: QRect) -> QRect:
    """A window on the left half of the screen: the right half has room for the dock beside it."""
    return QRect(area.left(), area.top() + 40, area.width() // 2, area.height() - 100)


def test_a_floating_dock_comes_back_where_the_user_put_it(qtbot, factory, tmp_path):
    path = str(tmp_path / "settings.ini")
    window = _window(qtbot, factory, path)
    dock = window.file_dock
    window.setGeometry(_narrow(dock.floating_guard.area()))
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible() and dock.x() >= window.frameGeometry().right(),
                    timeout=5000)  # floated by its button: beside the window
    area = dock.floating_guard.area()
    dock.move(area.left() + 20, area.top() + 60)  # then dragged by the user over the window's left side
    qtbot.wait(50)
    placed = dock.frameGeometry().topLeft()
    destroy_window(window)

    again = _window(qtbot, factory, path)
    try:
        moved = again.file_dock
        qtbot.wait(100)  # a placement, had one been asked for, is done by now
        assert moved.isFloating()
        assert (moved.frameGeometry().topLeft() - placed).manhattanLength() < 20, (placed, moved.frameGeometry())
    finally:
        destroy_window(again)


def test_a_double_click_on_its_title_floats_it_beside_the_window(qtbot, window):
    dock = window.file_dock
    area = dock.floating_guard.area()
    window.setGeometry(_narrow(area))
    qtbot.wait(20)
    assert not dock.isFloating()
    title = dock.mapTo(window, QPoint(dock.width() // 2, 6))
    # through the window system, as a real click: the button is down when Qt floats the dock
    QTest.mouseDClick(window.windowHandle(), Qt.LeftButton, Qt.NoModifier, title)
    qtbot.waitUntil(dock.isFloating, timeout=5000)
    assert QGuiApplication.mouseButtons() == Qt.NoButton
    qtbot.waitUntil(lambda: dock.x() >= window.frameGeometry().right(), timeout=5000)
    assert area.contains(dock.frameGeometry())
