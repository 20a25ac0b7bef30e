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

from petloc_gui.app.model_choice import FolderMemory, choose_for_labels, class_names
from petloc_gui.core.errors import SaveError
from petloc_gui.ui.models.model_handle import BUNDLED_MODELS
from petloc_gui.ui.models.new_classes_bar import NewClassesBar


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
        self.new_classes = NewClassesBar(window, self._box_counts)  # the window places it (a row of its own)
        self.new_classes.train_requested.connect(self._train_for_folder)
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
        self.new_classes.conceal()
        w.settings.last_model = self.spec
        w.predictions.set_model(self.spec)
        if w.session is not None:
            w.session.model.clear_predictions()
            w.panel.show_prediction(None, "Loading model…")

    def choose(self, spec: str) -> None:
        """A model the user picked (menu or folder dialog); the open folder remembers it."""
        self.explicit = True
        self.set_model(spec)
        self.remember(spec)

    def remember(self, spec: str) -> None:
        """This folder's model from now on (the window and the CLI read it: app.model_choice)."""
        folder = self.window.current_folder()
        if folder is not None:
            try:
                FolderMemory().remember(folder, spec)
            except (OSError, SaveError) as exc:
                self.window.statusBar().showMessage(f"Could not remember the model for this folder: {exc}", 8000)

    def show_no_model(self, choice) -> None:
        """No model knows this folder's classes: predict nothing, say so, offer to train one."""
        w = self.window
        self.spec, self.info = "", None
        self.problem = f"No model for this folder: {choice.reason}."
        for action in self._actions.values():
            action.setChecked(False)
        w.predictions.unload()
        w.model_status.setText("No model for these classes")
        w.dataset_panel.model_label.setText("<b>Model:</b> none knows this folder's classes")
        if w.session is not None:
            w.session.model.clear_predictions()
            w.panel.show_prediction(None, self.problem)
        self.new_classes.show_for(choice.labels)

    def labels_changed(self, labels) -> None:
        """The folder's classes grew: an automatically chosen model that no longer knows them all is re-chosen."""
        w = self.window
        if self.explicit or not self.spec or self.info is None or w.session is None:
            return
        if set(labels) <= set(self.info.class_names):
            return
        choice = choose_for_labels(labels, Path(w.session.dataset.root), w.session.box_counts())
        w.session.model_choice = choice
        if choice.spec is None:
            self.show_no_model(choice)
        elif choice.spec != self.spec:
            self.set_model(choice.spec)

    def _box_counts(self) -> dict[str, int]:
        session = self.window.session
        return session.box_counts() if session is not None else {}

    def _train_for_folder(self) -> None:
        controller = getattr(self.window, "retrain_controller", None)
        if controller is not None:
            controller.train_for_folder()

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open model folder (a bundle with meta.json)")
        if folder:
            self.choose(folder)

    def spec_for_folder(self, requested: str | None, suggested, folder=None) -> str | None:
        """The model for a newly opened folder (None: no model knows its classes).

        A model the user picked stays across folders while it knows the new
        folder's classes (or its classes cannot be read).
        """
        if requested:
            self.explicit = True
            return requested
        chosen = suggested()
        if self.explicit and self.spec:
            names = class_names(self.spec)
            labels = self.window.session.model_choice.labels if self.window.session is not None else frozenset()
            if names is None or labels <= set(names):
                return self.spec
        return chosen

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
