"""A run's start and end never take the keyboard or cover the photos: the Retraining window came back
on top by itself when a run ended and became the active window (at 1.5x it hid both image panes; D, A
and Space did nothing until an Escape), and it opened with the keyboard at the start too. Now the end
is told in the status bar (and the "not kept yet" button); only the user's Show brings the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE


def _working_in(qtbot, window):
    """The user back in the main window, typing somewhere in it."""
    if window.centralWidget() is None:
        window.setCentralWidget(QLineEdit())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.centralWidget().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.centralWidget(), timeout=5000)


def _spy_raises(monkeypatch, progress) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(progress, "raise_", lambda: calls.append("raise"))
    monkeypatch.setattr(progress, "activateWindow", lambda: calls.append("activate"))
    return calls


def test_a_run_ending_with_its_window_put_away_leaves_it_so_and_says_so(qtbot, window, controller, monkeypatch):
    window.show()
    controller.extra_worker_args = ["--steps", "20", "--delay", "0.02"]
    assert controller.start(RetrainOptions(epochs=2, save_first=False))
    progress = controller._progress_window()
    progress.hide()  # Escape / Close
    _working_in(qtbot, window)
    calls = _spy_raises(monkeypatch, progress)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        pass
    assert controller.new_version is not None and progress.awaits_choice()
    assert not progress.isVisible() and calls == []
    assert QApplication.activeWindow() is window and QApplication.focusWidget() is window.centralWidget()
    said = window.statusBar().currentMessage()
    assert said.startswith("Training finished: new model version") and said.endswith(UNDECIDED_NOTE)


def test_a_run_ending_with_its_window_open_behind_does_not_raise_it(qtbot, window, controller, monkeypatch):
    window.show()
    controller.extra_worker_args = ["--steps", "20", "--delay", "0.02"]
    assert controller.start(RetrainOptions(epochs=2, save_first=False))
    progress = controller._progress_window()
    qtbot.waitExposed(progress)
    _working_in(qtbot, window)  # clicked back into the main window; the Retraining window stays open
    calls = _spy_raises(monkeypatch, progress)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        pass
    assert progress.isVisible() and progress.awaits_choice() and calls == []
    assert QApplication.activeWindow() is window and QApplication.focusWidget() is window.centralWidget()
    assert "Show training progress" in window.statusBar().currentMessage()  # the way to it, if behind


def test_a_failed_run_is_told_in_the_status_bar_not_by_bringing_the_window_back(qtbot, window, controller,
                                                                                monkeypatch):
    window.show()
    controller.extra_worker_args = ["--steps", "20", "--delay", "0.02", "--die-after", "3"]
    assert controller.start(RetrainOptions(epochs=2, save_first=False))
    progress = controller._progress_window()
    progress.hide()
    _working_in(qtbot, window)
    calls = _spy_raises(monkeypatch, progress)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        pass
    assert not finished.args[0].cancelled and controller.new_version is None
    assert not progress.isVisible() and calls == []
    assert QApplication.activeWindow() is window
    said = window.statusBar().currentMessage()
    assert said.startswith("Training failed") and "Show training progress" in said


def test_a_run_starts_with_its_window_shown_without_the_keyboard(qtbot, window, controller, monkeypatch):
    # (offscreen, any window shown becomes active: what is checked is that it is asked to show without it)
    window.show()
    progress = controller._progress_window()
    calls = _spy_raises(monkeypatch, progress)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
        assert progress.isVisible() and calls == []
        assert progress.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_only_the_users_show_brings_it_in_front_with_the_keyboard(qtbot, window, controller):
    window.show()
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=False))
    progress = controller._progress_window()
    progress.hide()
    _working_in(qtbot, window)
    controller.show_progress_action.trigger()  # Model -> Show training progress
    qtbot.waitUntil(lambda: QApplication.activeWindow() is progress, timeout=5000)
    assert not progress.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
