"""What the main window answers to the parts it composes (their narrow Protocols).

ReviewSession, SaveGuard, ScreenshotTaker, ModelController,
RetrainController, ExportActions, ImportAfterFirstImage and DemoPreparer
are given the window typed as ``SessionHost``, ``SaveHost``,
``ScreenshotHost``, ``ModelHost``, ``RetrainHost``, ``ExportHost``,
``FirstImageHost`` and ``StatusHost``: these few methods, not the window's
widgets. They live here so main_window.py only composes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow

    from petloc_gui.ui.canvas.image_panel import ImagePanel
    from petloc_gui.ui.editing.edit_controller import EditController
    from petloc_gui.ui.editing.label_box import LabelBox
    from petloc_gui.ui.models.model_controller import ModelController
    from petloc_gui.ui.models.prediction_service import PredictionService
    from petloc_gui.ui.models.trained_here_watch import TrainedHereWatch
    from petloc_gui.ui.review.dataset_panel import DatasetPanel
    from petloc_gui.ui.review.file_list_dock import FileListDock
    from petloc_gui.ui.review.review_session import ReviewSession
    from petloc_gui.ui.review.save_guard import SaveGuard
    from petloc_gui.ui.settings import Settings
    from petloc_gui.ui.status_line import ModelLabel
    from petloc_gui.ui.training.retrain_controller import RetrainController

    class _Window(QMainWindow):
        """For mypy only: the window `WindowHost` is mixed into (MainWindow), as it uses it. At run time the
        mixin's base is ``object``."""

        settings: Settings
        guard: SaveGuard
        act: dict[str, QAction]
        session: ReviewSession | None
        edits: EditController
        panel: ImagePanel
        predictions: PredictionService
        file_dock: FileListDock
        labels: LabelBox
        dataset_panel: DatasetPanel
        model_status: ModelLabel

        def update_position(self) -> None: ...

        def has_unsaved(self) -> bool: ...
else:
    _Window = object


class WindowHost(_Window):
    """Mixed into MainWindow (which provides the attributes used here)."""

    models: ModelController
    retrain_controller: RetrainController | None  # None until `install_retraining`
    trained_here: TrainedHereWatch  # which of the open images the model trained on (`watch_trained_here`)

    # --- review_session.SessionHost ------------------------------------------------------
    def autosave(self) -> bool:
        return self.settings.autosave

    def save_rows(self, rows: list[int], quiet: bool = False) -> bool:
        return self.guard.save_rows(rows, quiet=quiet)

    def model_state(self):
        return self.models.info, self.models.problem

    def image_shown(self, doc) -> None:
        if doc is not None:  # None: still loading, the verify action keeps its state
            self.act["verify"].setChecked(doc.verified)
        self.update_position()

    def folder_labels_changed(self, labels: set[str]) -> None:
        self.models.labels_changed(labels)

    def annotation_files_changed(self, rows: list[int]) -> None:
        self.dataset_panel.mark_stale()  # labelImg or a script wrote, replaced or removed one
        self.trained_here.annotations_changed(rows)  # a held-out image re-boxed there, as by a save (`saved`)

    # --- model_controller.ModelHost (session, current_folder, show_status: the window's own) --
    def train_for_folder(self) -> None:
        if self.retrain_controller is not None:
            self.retrain_controller.train_for_folder()

    def watch_trained_here(self) -> TrainedHereWatch:
        """Each model loaded checked against the open folder's images, told on the model label, the Dataset panel's
        model line and the status line (`trained_here_watch`)."""
        from petloc_gui.ui.models.trained_here_watch import TrainedHereWatch

        return TrainedHereWatch(self.models, lambda: self.session, self.model_status.setText,
                                self.dataset_panel.model_label, self.show_status)

    # --- retrain_controller.RetrainHost (the rest: the window's own) -----------------------------
    def choose_model(self, spec: str) -> None:
        self.models.choose(spec)

    def adopt_model(self, spec: str) -> None:
        self.models.adopt(spec)

    def model_being_chosen(self) -> bool:
        return self.models.choosing is not None

    def remember_model_for(self, folder: Path, spec: str) -> None:
        self.models.remember(spec, folder)

    def save_cancelled(self) -> bool:
        return self.guard.stopped is not None

    # --- save_guard.SaveHost ---------------------------------------------------------------
    def saved(self, row: int) -> None:
        self.edits.mark_clean(row)
        self.dataset_panel.mark_stale()  # its counts and classes are the saved files
        self.trained_here.files_saved()  # a held-out image re-boxed: the model's figures are on its earlier box
        if self.session is not None and row == self.session.current:
            self.panel.show_annotation(self.session.store.document(row), self.edits.selected)
        if self.session is not None:
            from petloc_gui.ui.review.class_editor import write_saved_renames  # (the class file's writer)

            if problem := write_saved_renames(self.session, row):
                self.show_status(problem, 20000)

    def refresh_modified(self) -> None:
        self.setWindowModified(self.has_unsaved())

    def drop_typing(self) -> str:
        return self.labels.drop_typing()

    def show_status(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def clear_status_if(self, text: str) -> None:  # demo_preparer.StatusHost, listed_queue.StatusLine
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def shows_status(self, text: str) -> bool:  # listed_queue.StatusLine
        return self.statusBar().currentMessage() == text

    def add_status_widget(self, widget: QWidget) -> None:
        self.statusBar().insertPermanentWidget(0, widget)  # left of the cursor and model figures

    # --- screenshot.ScreenshotHost -----------------------------------------------------------
    def first_visible_row(self) -> int | None:
        return self.file_dock.first_visible_row()

    def cached_prediction(self, path: Path):
        return self.predictions.cached(path)

    def model_status_text(self) -> str:
        return self.model_status.text()

    def show_prediction(self) -> None:
        if self.session is not None:
            self.session.show_prediction()

    def refresh_new_classes(self) -> None:
        if self.models.new_classes.isVisible():
            self.models.new_classes.refresh()

    def session_renames(self) -> dict[str, str]:
        """RetrainHost: this folder's Edit → Classes renames in this window session, old -> new."""
        return self.session.classes.renames.as_dict() if self.session is not None else {}

    # --- first_image.FirstImageHost (predictions: the window's own) ------------------------
    def image_pane(self) -> QWidget:
        return self.panel.gt_pane.viewport()

    def image_presented(self) -> bool:
        session = self.session
        return session is not None and session.current is not None and session.loading is None
