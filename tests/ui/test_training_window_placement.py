"""Where the Retraining window first goes: beside the main window when the screen has room, else where
it covers the least of the image panes. Over a maximised window it went to the bottom-right corner,
over both panes at 1.5x, though the image list beside them was there to cover."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QMainWindow

from petloc_gui.ui.training.retrain_progress import RetrainProgress, least_cover

SCREEN = QRect(0, 0, 1067, 667)  # 1600 x 1000 at QT_SCALE_FACTOR=1.5, as the hunt saw it
SIZE = QSize(736, 651)


def test_over_a_maximised_window_it_covers_the_image_list_rather_than_the_panes():
    panes = QRect(330, 60, 737, 560)  # right of a 330 px list
    assert least_cover(SIZE, SCREEN, panes) == QPoint(0, 16)  # bottom-left: over the list


def test_with_the_list_on_the_right_it_goes_left_and_on_a_tie_bottom_right():
    assert least_cover(SIZE, SCREEN, QRect(0, 60, 737, 560)).x() == 1067 - 736
    assert least_cover(QSize(100, 100), SCREEN, QRect(300, 200, 400, 200)) == QPoint(967, 567)


def _main_window(qtbot, geometry: QRect) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QLabel("the two image panes"))
    dock = QDockWidget("Images", main)
    dock.setWidget(QListWidget())
    main.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    main.setGeometry(geometry)
    main.show()
    qtbot.waitExposed(main)
    main.resizeDocks([dock], [geometry.width() // 3], Qt.Orientation.Horizontal)
    return main


def test_first_shown_over_a_maximised_main_window_it_lies_on_the_list_side(qtbot):
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, area)
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() * 2 // 3, area.height() // 2)
    progress.show()
    qtbot.waitUntil(lambda: progress._placed, timeout=2000)
    assert progress.frameGeometry().left() == area.left()  # over the list, not the bottom-right corner


def test_first_shown_beside_the_main_window_on_a_wide_screen(qtbot):
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, QRect(area.left(), area.top(), area.width() // 2, area.height() // 2))
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() // 3, area.height() // 3)
    progress.show()
    qtbot.waitUntil(lambda: progress._placed, timeout=2000)
    assert not progress.frameGeometry().intersects(main.frameGeometry())
    assert progress.frameGeometry().left() == main.frameGeometry().right() + 1
