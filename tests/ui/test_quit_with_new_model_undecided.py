"""Quitting while a finished run's new model is not kept yet: asked as unsaved edits are (Keep /
Discard / Cancel). Unasked, the version stayed in Model → Versions without its "not kept yet" mark after
a restart (the mark lives in the running window only), so nobody ever decided."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.ui.training import retrain_quit
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from tests.ui.conftest import open_and_wait
from tests.ui.standin_run import finished_standin_run

pytestmark = pytest.mark.slow  # starts a child process


@pytest.fixture
def trained(qtbot, window, folder):
    """The real window with a finished run whose new model waits for Use / Discard, its window put away."""
    controller = finished_standin_run(qtbot, window, folder)
    controller._progress_window().close()  # put away: "New model: not kept yet" in the status bar
    yield controller, controller.new_version
    controller.new_version = None  # the window fixture's own close must not ask
    controller.shutdown()


def _answer(monkeypatch, choice: str) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(retrain_quit, "ask_undecided", lambda parent, version, folder: asked.append(version.id)
                        or choice)
    return asked


def test_cancel_keeps_the_window_open_and_the_choice_waiting(qtbot, window, trained, monkeypatch):
    controller, version = trained
    asked = _answer(monkeypatch, retrain_quit.CANCEL)
    window.close()
    assert asked == [version.id] and window.isVisible()
    assert controller.new_version is version and version.path.is_dir()
    assert controller._progress_window().isVisible()  # the comparison is in front of the user again


def test_cancel_brings_the_comparison_back_after_the_question(qtbot, window, trained, monkeypatch):
    """Shown before the question only, the comparison stayed behind the main window, which the question
    (the main window's) raised: it must be raised again once the question is answered."""
    controller, _version = trained
    events: list[str] = []
    monkeypatch.setattr(retrain_quit, "ask_undecided", lambda *args: events.append("asked") or retrain_quit.CANCEL)
    monkeypatch.setattr(controller, "show_progress", lambda: events.append("shown"))
    window.close()
    assert events == ["shown", "asked", "shown"]


def test_discard_deletes_the_new_model_and_quits(qtbot, window, trained, monkeypatch):
    controller, version = trained
    _answer(monkeypatch, retrain_quit.DISCARD)
    window.close()
    assert not window.isVisible() and not version.path.exists() and controller.new_version is None
    assert window.current_model_spec() == "fake"


def test_keep_makes_it_the_folders_model_from_its_next_opening_and_quits(qtbot, window, folder, trained, monkeypatch):
    controller, version = trained
    _answer(monkeypatch, retrain_quit.KEEP)
    window.close()
    assert not window.isVisible() and version.path.is_dir() and controller.new_version is None
    assert FolderMemory().get(folder) == str(version.path)  # not remembered on load: the window is gone by then


def test_nothing_is_asked_once_the_choice_is_made(qtbot, window, trained, monkeypatch):
    controller, _version = trained
    asked = _answer(monkeypatch, retrain_quit.CANCEL)
    controller.use_new_model()
    window.close()
    assert asked == [] and not window.isVisible()


def test_the_question_names_the_folder_and_offers_keep_discard_cancel(qtbot, window, folder, trained):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    _controller, version = trained
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(100, answer)
    assert retrain_quit.ask_undecided(window, version, folder) == retrain_quit.CANCEL
    assert folder.name in seen["text"] and version.id in seen["text"]
    assert seen["buttons"] == ["Cancel", "Discard it", "Keep it"]


def test_quitting_during_a_run_stops_it_at_once_and_keeps_nothing(qtbot, window, folder, monkeypatch):
    controller = install_retraining(window)
    open_and_wait(qtbot, window, folder)
    controller.worker_module = "tests.standin_worker"
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    assert controller.start(RetrainOptions(epochs=5, save_first=False))
    staging = controller.staging
    monkeypatch.setattr(retrain_quit, "_stop_run", lambda progress: True)  # Quit anyway
    window.close()
    # stopped before the window went: a run finishing behind it would leave a version nobody decides on
    assert not window.isVisible() and not controller.is_running() and not staging.exists()
    assert controller.store.list() == []
