"""A dock holds its FloatingDock (`floating_guard`) and the guard its dock: a cycle. When a window is dropped,
Python's collector may clear the guard's attributes (breaking the cycle) while Qt still has the dock, which then
gets a Resize or Show: the guard's event filter raised "'FloatingDock' object has no attribute 'dock'" from Qt's
event loop (a fresh-clone CI run, at a Dataset panel test's teardown). A guard whose attributes are gone does
nothing: the dock is going with it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow

from petloc_gui.ui.dock_toggle import FloatingDock


def test_a_guard_the_collector_cleared_lets_the_dock_resize_in_peace(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    dock = QDockWidget("Dataset", main)
    dock.setWidget(QLabel("12 images"))
    guard = FloatingDock(dock)
    guard.__dict__.clear()  # what the cyclic collector's clearing leaves of it
    QApplication.sendEvent(dock, QResizeEvent(QSize(200, 100), QSize(100, 100)))  # no exception from the filter
    guard.keep_on_screen()  # nor from its timer's slot
