"""The quit questions stand over the Retraining window they refer to, not over the main window.

Both were the main window's: the window manager raised the main window, with the question, over the
comparison (or the progress) that `confirm_quit` had just brought forward "beside the question", and it came
back to the front only after Cancel. Owned by the Retraining window, a question is stacked over it and it
over the main window; and where the screen has room the question stands beside it, covering none of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from petloc_gui.ui.training.question_beside import spot_beside
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.ui.conftest import open_and_wait


def _cancel_the_question(seen: dict) -> None:
    box = QApplication.activeModalWidget()
    seen["title"] = box.windowTitle()
    seen["parent"] = box.parentWidget()
    handle = box.windowHandle()
    seen["transient"] = handle.transientParent() if handle is not None else None
    box.button(QMessageBox.StandardButton.Cancel).click()


def _run(qtbot, window, folder, steps: str, delay: str):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    controller.worker_module = "tests.standin_worker"
    controller.extra_worker_args = ["--steps", steps, "--delay", delay]
    return controller


@pytest.mark.slow  # starts a child process
def test_the_new_model_question_is_the_retraining_windows(qtbot, window, folder):
    controller = _run(qtbot, window, folder, "2", "0")
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    progress = controller._progress_window()
    progress.close()  # put away: the quit brings it back beside the question
    seen: dict = {}
    QTimer.singleShot(200, lambda: _cancel_the_question(seen))
    try:
        window.close()
        assert seen["title"] == "New model not kept yet" and window.isVisible()
        assert seen["parent"] is progress
        assert seen["transient"] is progress.windowHandle()
    finally:
        controller.new_version = None  # the window fixture's own close must not ask
        controller.shutdown()


@pytest.mark.slow  # starts a child process
def test_the_training_in_progress_question_is_the_retraining_windows(qtbot, window, folder):
    controller = _run(qtbot, window, folder, "500", "0.05")
    assert controller.start(RetrainOptions(epochs=5, save_first=False))
    progress = controller._progress_window()
    seen: dict = {}
    QTimer.singleShot(200, lambda: _cancel_the_question(seen))
    try:
        window.close()
        assert seen["title"] == "Training in progress" and window.isVisible() and controller.is_running()
        assert seen["parent"] is progress
        assert seen["transient"] is progress.windowHandle()
    finally:
        controller.shutdown()


AREA = QRect(0, 0, 1600, 1000)
BOX = QSize(440, 180)


def test_beside_the_window_on_the_side_with_more_room():
    left_window = QRect(0, 100, 730, 650)
    spot = spot_beside(left_window, BOX, AREA)
    assert spot is not None and not QRect(spot, BOX).intersects(left_window) and AREA.contains(QRect(spot, BOX))
    assert spot.x() > left_window.right()
    right_window = QRect(860, 100, 730, 650)
    spot = spot_beside(right_window, BOX, AREA)
    assert spot is not None and not QRect(spot, BOX).intersects(right_window) and spot.x() + BOX.width() <= 860


def test_level_with_the_windows_middle_and_on_the_screen():
    spot = spot_beside(QRect(0, 100, 730, 650), BOX, AREA)
    assert spot is not None and spot.y() == 100 + 325 - 90
    low = spot_beside(QRect(0, 900, 730, 100), BOX, AREA)  # its middle near the bottom: the box kept on screen
    assert low is not None and low.y() + BOX.height() <= AREA.bottom() + 1


def test_no_room_beside_it_leaves_the_box_where_qt_puts_it():
    assert spot_beside(QRect(200, 100, 1200, 650), BOX, AREA) is None
    assert spot_beside(QRect(0, 0, 730, 650), BOX, QRect(0, 0, 800, 600)) is None
    assert spot_beside(QRect(0, 0, 730, 650), BOX, QRect()) is None


def test_an_offset_screen():
    area = QRect(1600, 0, 1920, 1080)  # the second of two screens
    window = QRect(1600, 40, 720, 640)
    spot = spot_beside(window, BOX, area)
    assert spot is not None and spot.x() > window.right() and area.contains(QRect(spot, BOX))
    assert isinstance(spot, QPoint)


def test_yes_quits_and_cancel_does_not(qtbot):
    from petloc_gui.ui.training import retrain_quit

    for button, quits in ((QMessageBox.StandardButton.Yes, True), (QMessageBox.StandardButton.Cancel, False)):
        QTimer.singleShot(100, lambda b=button: QApplication.activeModalWidget().button(b).click())
        assert retrain_quit._stop_run(None) is quits
