"""Which model the window uses: the Model menu, switching, and load status.

The model itself lives in the PredictionService's worker thread; this class
keeps what the UI knows about it (spec, ModelInfo, last failure), reports
changes as signals and shows a non-modal error box when loading fails.
"""

from __future__ import annotations

from pathlib import Path

from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from petloc_gui.ui.models.model_handle import BUNDLED_MODELS
from petloc_gui.ui.models.prediction_service import PredictionService


class ModelSettings(Protocol):
    """Where the last model is remembered (ui.settings.Settings)."""

    last_model: str


class ModelController(QObject):
    """Owns the model choice of one window; tells it what happens through signals.

    It needs only the prediction service, somewhere to remember the last model
    and a parent widget for its dialogs: the window reacts to ``switched``,
    ``status`` and ``loaded`` (it used to be reached into for 8 attributes).
    """

    switched = Signal(str)  # spec: predictions restart, the old ones are gone
    status = Signal(str)  # one line for the status bar
    loaded = Signal(object)  # ModelInfo of the model now in use
    failed = Signal(str)  # why the model in use failed to load

    def __init__(self, predictions: PredictionService, settings: ModelSettings, menu: QMenu,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.predictions = predictions
        self.settings = settings
        self.parent_widget = parent
        self.spec = ""
        self.info = None
        self.explicit = False  # picked by the user: kept when another folder is opened
        self.problem: str | None = None
        self.error_box: QMessageBox | None = None
        self._group = QActionGroup(self)
        self._actions = {}
        menu.addSeparator()
        for name in BUNDLED_MODELS:
            action = menu.addAction(f"Bundled: {name}")
            action.setCheckable(True)
            self._group.addAction(action)
            self._actions[name] = action
            action.triggered.connect(lambda _=False, n=name: self.choose(n))
        predictions.model_loading.connect(self._loading)
        predictions.model_loaded.connect(self._loaded)
        predictions.model_failed.connect(self._failed)

    def set_model(self, spec: str) -> None:
        """Switch model: predictions restart under the new model version."""
        self.spec, self.info, self.problem = str(spec), None, None
        for name, action in self._actions.items():
            action.setChecked(name == spec)
        self.settings.last_model = self.spec
        self.predictions.set_model(self.spec)
        self.switched.emit(self.spec)

    def choose(self, spec: str) -> None:
        """A model the user picked (menu or folder dialog)."""
        self.explicit = True
        self.set_model(spec)

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent_widget, "Open model folder (a bundle with meta.json)")
        if folder:
            self.choose(folder)

    def spec_for_folder(self, requested: str | None, suggested) -> str:
        """The model to use for a newly opened folder; ``suggested()`` is only called if needed."""
        if requested:
            self.explicit = True
            return requested
        return self.spec if self.explicit and self.spec else suggested()

    # --- worker signals -------------------------------------------------------------
    def _loading(self, spec: str) -> None:
        self.status.emit(f"Loading model {Path(spec).name if '/' in spec else spec}…")

    def _loaded(self, info) -> None:
        if info.spec != self.spec:
            return  # a model the user has already switched away from
        self.info, self.problem = info, None
        self.status.emit(f"Model: {info.summary}")
        self.loaded.emit(info)

    def _failed(self, spec: str, message: str) -> None:
        if spec != self.spec:
            return  # a model the user has already switched away from
        self.problem = f"Model failed to load: {message}"
        self.status.emit(f"Model failed: {spec}")
        self.failed.emit(self.problem)
        # Non-modal: the window stays usable for annotating without a model.
        box = QMessageBox(QMessageBox.Warning, "Model failed to load", f"{spec}:\n{message}", QMessageBox.Ok,
                          self.parent_widget)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_box = box
