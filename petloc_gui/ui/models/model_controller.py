"""Which model the window uses: the Model menu, switching, and load status.

The model itself lives in the PredictionService's worker thread; this class
keeps what the UI knows about it (spec, ModelInfo, last failure) and shows
it: the status-bar label, the dataset panel, a non-modal error box.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QFileDialog, QMessageBox

from petloc_gui.ui.models.model_handle import BUNDLED_MODELS


class ModelController(QObject):
    """Owns the model choice of one MainWindow."""

    def __init__(self, window, menu) -> None:
        super().__init__(window)
        self.window = window
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
        services = window.predictions
        services.model_loading.connect(self._loading)
        services.model_loaded.connect(self._loaded)
        services.model_failed.connect(self._failed)

    def set_model(self, spec: str) -> None:
        """Switch model: predictions restart under the new model version."""
        w = self.window
        self.spec, self.info, self.problem = str(spec), None, None
        for name, action in self._actions.items():
            action.setChecked(name == spec)
        w.settings.last_model = self.spec
        w.predictions.set_model(self.spec)
        if w.session is not None:
            w.session.model.clear_predictions()
            w.panel.show_prediction(None, "Loading model…")

    def choose(self, spec: str) -> None:
        """A model the user picked (menu or folder dialog)."""
        self.explicit = True
        self.set_model(spec)

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open model folder (a bundle with meta.json)")
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
        self.window.model_status.setText(f"Loading model {Path(spec).name if '/' in spec else spec}…")

    def _loaded(self, info) -> None:
        w = self.window
        if info.spec != self.spec:
            return  # a model the user has already switched away from
        self.info, self.problem = info, None
        w.model_status.setText(f"Model: {info.summary}")
        w.dataset_panel.set_model(info)
        if w.session is not None:
            w.session.refresh_labels()
            w.session.request_all()
            if w.session.current is not None:
                w.session.show_prediction()

    def _failed(self, spec: str, message: str) -> None:
        w = self.window
        if spec != self.spec:
            return  # a model the user has already switched away from
        self.problem = f"Model failed to load: {message}"
        w.model_status.setText(f"Model failed: {spec}")
        w.panel.show_prediction(None, self.problem)
        # Non-modal: the window stays usable for annotating without a model.
        box = QMessageBox(QMessageBox.Warning, "Model failed to load", f"{spec}:\n{message}", QMessageBox.Ok, w)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.error_box = box
