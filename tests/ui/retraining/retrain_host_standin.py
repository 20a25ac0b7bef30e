"""A stand-in for the main window, as retraining sees it (`retrain_controller.RetrainHost`)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow

from petloc_gui.ui.training.retrain_controller import RetrainController, install_retraining

STANDIN_MODULE = "tests.standin_worker"  # a worker that reports as the real one does, without TensorFlow


class StandInModels(QObject):
    """The window's model controller (`MainWindow.models`), as retraining sees it: told each version Discard
    deletes, and saying each model used has loaded (at once: the stand-in loads nothing)."""

    loaded = Signal(object)  # (a ModelInfo: its spec)
    switched, failed, no_model = Signal(object), Signal(str), Signal(str)  # (never: every model loads at once)

    def __init__(self, window: StandInWindow) -> None:
        super().__init__(window)
        self._window = window

    def versions_changed(self) -> None:
        self._window.discarded_seen += 1


class StandInWindow(QMainWindow):
    """What the real main window offers retraining (`RetrainHost`, and the Model menu)."""

    def __init__(self, folder: Path | None, spec: str = "digits") -> None:
        super().__init__()
        self.model_menu = self.menuBar().addMenu("Model")
        self.dataset = None
        self._folder = folder
        self.spec = spec
        self.set_model_calls: list[str] = []
        self.unsaved = False
        self.save_result = True
        self.save_cancelled_by_user = False  # a failed save_all stopped by the user's Cancel (`save_cancelled`)
        self.save_calls = 0
        self.remembered: dict[Path, str] = {}  # the model each folder uses from now on
        self.adopted: list[str] = []  # of the models used (set_model_calls), those kept as a run's result
        self.renames: dict[str, str] = {}  # classes renamed with Edit -> Classes this session, old -> new
        # the window's check of the model in use against the open folder: its last answer (`TrainedHereWatch.found`)
        self.trained_here = SimpleNamespace(found=None)
        # its model controller, told each version Discard deletes (`MainWindow.models`: its bar looks again)
        self.discarded_seen = 0
        self.models = StandInModels(self)

    def session_renames(self) -> dict[str, str]:
        return dict(self.renames)

    def current_folder(self):
        return self._folder

    def current_model_spec(self) -> str:
        return self.spec

    def model_being_chosen(self) -> bool:
        return False

    def choose_model(self, spec: str) -> None:
        self.set_model_calls.append(spec)
        self.spec = spec
        if self._folder is not None:
            self.remembered[self._folder] = spec
        self.models.loaded.emit(SimpleNamespace(spec=spec))

    def adopt_model(self, spec: str) -> None:
        self.adopted.append(spec)
        self.choose_model(spec)

    def has_unsaved(self) -> bool:
        return self.unsaved

    def save_all(self) -> bool:
        self.save_calls += 1
        if self.save_result:
            self.unsaved = False
        return self.save_result

    def save_cancelled(self) -> bool:
        return self.save_cancelled_by_user

    def remember_model_for(self, folder: Path, spec: str) -> None:
        self.remembered[folder] = spec

    def show_status(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def shows_status(self, text: str) -> bool:
        return self.statusBar().currentMessage() == text

    def add_status_widget(self, widget) -> None:
        self.statusBar().insertPermanentWidget(0, widget)


def standin_window(qtbot, tmp_path) -> StandInWindow:
    folder = tmp_path / "data"
    folder.mkdir()
    window = StandInWindow(folder)
    qtbot.addWidget(window)
    return window


def standin_controller(window: StandInWindow) -> RetrainController:
    """Retraining installed on ``window``, running the stand-in worker (three quick steps an epoch)."""
    controller = install_retraining(window)
    controller.worker_module = STANDIN_MODULE
    controller.extra_worker_args = ["--steps", "3", "--delay", "0.01"]
    return controller
