"""The retrain controller gives the Retrain dialog this session's renames and the worker the renames
chosen (ADR 0011)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QRadioButton

from petloc_gui.ui.training import retrain_ask
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

from ..conftest import open_and_wait


def test_the_dialog_gets_the_session_renames(qtbot, window, controller, monkeypatch):
    seen = {}

    class Dialog(QDialog):
        def __init__(self, parent, **kwargs):
            super().__init__(parent)
            seen.update(kwargs)
            self.from_scratch = QRadioButton(self)  # named by ask_run after the run's network

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(retrain_ask, "RetrainDialog", Dialog)
    window.renames = {"odd": "uneven"}
    controller.open_dialog()
    assert seen["session_renames"] == {"odd": "uneven"}


def test_the_controller_tells_the_worker_the_renames(qtbot, window, controller, monkeypatch):
    from petloc_gui.ui.training.training_process import TrainingProcess

    started: list[list[str]] = []
    monkeypatch.setattr(TrainingProcess, "start", lambda self, args, env=None, module="": started.append(args))
    assert controller.start(RetrainOptions(epochs=1, save_first=False, renamed={"uneven": "odd"}))
    assert controller.start(RetrainOptions(epochs=1, save_first=False))
    assert ["--renamed" in args and args[args.index("--renamed") + 1] == "uneven=odd" for args in started] == [
        True, False]


def test_the_window_answers_with_the_open_folders_renames(qtbot, main_window, folder):
    from petloc_gui.ui.review.class_editor import ClassEditor

    assert main_window.session_renames() == {}  # no folder open
    open_and_wait(qtbot, main_window, folder)
    ClassEditor(main_window.session, main_window.edits, lambda: (), host=main_window).rename("cat", "kitty")
    assert main_window.session_renames() == {"cat": "kitty"}
