"""Where windows go: inside the screen, and the training window beside the main one."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

from petloc_gui.ui.window_geometry import beside

SCREEN = QRect(0, 0, 1920, 1080)


def test_the_training_window_goes_right_of_the_main_window_when_the_screen_has_room():
    assert beside(QRect(0, 100, 1100, 800), QSize(720, 640), SCREEN) == QPoint(1100, 100)


def test_else_left_of_it():
    assert beside(QRect(800, 0, 1100, 800), QSize(720, 640), SCREEN) == QPoint(80, 0)


def test_else_in_the_bottom_right_corner_not_over_the_middle_of_a_maximised_window():
    assert beside(SCREEN, QSize(720, 640), SCREEN) == QPoint(1200, 440)


def test_beside_a_tall_window_it_stays_on_the_screen():
    assert beside(QRect(0, 700, 1100, 800), QSize(720, 640), SCREEN) == QPoint(1100, 440)


def test_the_training_window_is_first_shown_beside_the_main_window(qtbot):
    from PySide6.QtWidgets import QMainWindow

    from petloc_gui.ui.training.retrain_progress import RetrainProgress

    main = QMainWindow()
    qtbot.addWidget(main)
    area = main.screen().availableGeometry()
    main.setGeometry(area.left(), area.top(), area.width() // 3, area.height() // 2)
    main.show()
    progress = RetrainProgress(main)
    progress.resize(area.width() // 3, area.height() // 3)
    progress.show()
    qtbot.waitUntil(lambda: progress.x() > main.frameGeometry().right(), timeout=2000)  # right of it, not over it
    progress.move(area.left() + 5, area.top() + 5)
    progress.hide()
    progress.show()  # shown again (the next run): it stays where the user put it
    qtbot.wait(50)
    assert progress.pos() == QPoint(area.left() + 5, area.top() + 5)
