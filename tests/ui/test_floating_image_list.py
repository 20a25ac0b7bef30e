"""The Images dock, closed while it floated and shown again from View → Images, came back floating over
the panes, its bottom past the screen's edge, and it had no shortcut (an hour's hunt under Xvfb)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence


def _floating(qtbot, window):
    dock = window.file_dock
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
    return dock


def test_closed_while_floating_view_images_brings_it_back_docked(qtbot, window):
    dock = _floating(qtbot, window)
    window.resize(700, 500)
    dock.move(window.panel.mapToGlobal(window.panel.rect().center()))  # over the panes, as Qt left it
    dock.close()
    qtbot.waitUntil(lambda: dock.isHidden(), timeout=5000)
    window.act["image_list"].trigger()  # View → Images
    assert not dock.isFloating() and dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.LeftDockWidgetArea
    assert window.act["image_list"].shortcut() == QKeySequence("F9")
    window.act["image_list"].trigger()
    assert dock.isHidden()


def test_a_floating_dock_is_pulled_back_on_screen(qtbot, window):
    dock = _floating(qtbot, window)
    dock.hide()
    area = dock.floating_guard.area()
    dock.setGeometry(QRect(area.left() + 40, area.bottom() - 100, 300, 600))  # its bottom past the screen's edge
    dock.show()  # e.g. a window state restored from a bigger screen
    qtbot.waitUntil(lambda: area.contains(dock.frameGeometry()), timeout=5000)
    dock.resize(300, area.height() * 2)  # grown past it
    qtbot.waitUntil(lambda: area.contains(dock.frameGeometry()), timeout=5000)


def test_a_dock_floated_by_its_button_goes_beside_the_window_when_there_is_room(qtbot, window):
    area = window.file_dock.floating_guard.area()
    window.setGeometry(QRect(area.left(), area.top() + 40, area.width() // 2, area.height() - 100))
    qtbot.wait(20)
    dock = _floating(qtbot, window)
    qtbot.waitUntil(lambda: dock.x() >= window.frameGeometry().right(), timeout=5000)
    assert area.contains(dock.frameGeometry())


def test_a_floating_dataset_dock_is_pulled_back_on_screen_too(qtbot, window):
    """The Dataset dock (Ctrl+I) floated was left where Qt put it: its bottom, charts and all, past the edge."""
    dock = window.dataset_panel
    window.act["dataset_panel"].trigger()
    dock.setFloating(True)
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)
    area = (dock.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    dock.setGeometry(QRect(area.left() + 40, area.bottom() - 100, 340, 600))
    qtbot.waitUntil(lambda: area.contains(dock.frameGeometry()), timeout=5000)
    dock.resize(340, area.height() * 2)
    qtbot.waitUntil(lambda: area.contains(dock.frameGeometry()), timeout=5000)
