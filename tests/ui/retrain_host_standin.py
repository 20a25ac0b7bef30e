"""A stand-in for the main window, as retraining sees it (`retrain_controller.RetrainHost`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow


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
        self.save_calls = 0
        self.remembered: list[str] = []

    def current_folder(self):
        return self._folder

    def current_model_spec(self) -> str:
        return self.spec

    def set_model(self, spec: str) -> None:
        self.set_model_calls.append(spec)
        self.spec = spec

    def has_unsaved(self) -> bool:
        return self.unsaved

    def save_all(self) -> bool:
        self.save_calls += 1
        if self.save_result:
            self.unsaved = False
        return self.save_result

    def remember_model(self, spec: str) -> None:
        self.remembered.append(spec)

    def show_status(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)
