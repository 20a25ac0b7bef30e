"""Escape (QDialog's reject), Close or the title bar's × on the Retraining window only put it away: a run
goes on, a finished run's new model stays waiting for Use / Discard, and the main window says it waits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE


def _finished(qtbot, window, controller):
    window.show()
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    progress = controller._progress_window()
    qtbot.waitExposed(progress)
    assert progress.awaits_choice()
    return progress


def _undecided_entry(controller) -> str:
    controller.versions_menu.rebuild()  # as when the menu opens
    return next(a.text() for a in controller.versions_menu.version_actions() if a.data() == controller.new_version.id)


def test_escape_on_a_finished_run_keeps_the_new_model_and_the_main_window_says_it_waits(qtbot, window, controller):
    progress = _finished(qtbot, window, controller)
    version = controller.new_version
    window.statusBar().showMessage("something else the window said")
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert not progress.isVisible()
    assert controller.new_version is version and version.path.is_dir()  # nothing discarded
    assert window.statusBar().currentMessage() == UNDECIDED_NOTE  # stays until the window says something else
    assert "not kept yet" in UNDECIDED_NOTE and "Show training progress" in UNDECIDED_NOTE
    assert "not kept yet" in _undecided_entry(controller)
    controller.show_progress_action.trigger()  # Model -> Show training progress: the choice is still there
    assert progress.isVisible() and progress.awaits_choice()
    controller.use_new_model()
    window.statusBar().showMessage("decided")
    qtbot.keyClick(progress, Qt.Key.Key_Escape)  # decided: nothing to remind of
    assert not progress.isVisible() and window.statusBar().currentMessage() == "decided"


def test_the_title_bar_cross_and_close_do_the_same(qtbot, window, controller):
    progress = _finished(qtbot, window, controller)
    progress.close()
    assert not progress.isVisible() and controller.new_version is not None
    assert window.statusBar().currentMessage() == UNDECIDED_NOTE
    controller.show_progress()
    window.statusBar().clearMessage()
    progress.close_button.click()
    assert window.statusBar().currentMessage() == UNDECIDED_NOTE


def test_escape_during_a_run_neither_cancels_it_nor_loses_its_model(qtbot, window, controller):
    window.show()
    controller.extra_worker_args = ["--steps", "20", "--delay", "0.02"]
    assert controller.start(RetrainOptions(epochs=2, save_first=False))
    progress = controller._progress_window()
    qtbot.waitExposed(progress)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        qtbot.keyClick(progress, Qt.Key.Key_Escape)
        assert not progress.isVisible() and controller.is_running()
        assert window.statusBar().currentMessage() != UNDECIDED_NOTE  # nothing to choose yet
    assert not finished.args[0].cancelled and controller.new_version is not None
    # The result waits, put away: it never comes back by itself (in front, it took the keyboard mid-edit);
    # the status bar says so, and its button brings it.
    assert not progress.isVisible() and progress.awaits_choice()
    assert UNDECIDED_NOTE in window.statusBar().currentMessage()
    button = _undecided_button(window)
    assert button.isVisible()
    button.click()
    assert progress.isVisible() and not button.isVisible()


def _undecided_button(window):
    from petloc_gui.ui.training.undecided_button import UndecidedButton

    (button,) = window.statusBar().findChildren(UndecidedButton)
    return button


def test_a_status_bar_button_stays_while_the_new_model_waits_and_brings_the_choice_back(qtbot, window, controller):
    progress = _finished(qtbot, window, controller)
    button = _undecided_button(window)
    assert not button.isVisible()  # the choice is on screen: nothing to remind of
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert button.isVisible() and "not kept yet" in button.text() and button.toolTip() == UNDECIDED_NOTE
    # Passing the pointer over a menu item replaces the temporary message with its status tip: the button stays.
    controller.retrain_action.showStatusText(window)
    assert window.statusBar().currentMessage() != UNDECIDED_NOTE and button.isVisible()
    button.click()
    assert progress.isVisible() and progress.awaits_choice() and not button.isVisible()
    qtbot.keyClick(progress, Qt.Key.Key_Escape)
    assert button.isVisible()
    controller.roll_back(controller.new_version)  # Model -> Versions -> the new one: the choice is made
    assert controller.new_version is None and not button.isVisible()
