"""The main window: composition of the file list, the two panes, the edit controller and the model.

TensorFlow is never imported here: the model loads in the prediction
worker thread (prediction_service.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QMessageBox, QToolBar

from petloc_gui.core.errors import PetlocError
from petloc_gui.ui.review.dataset_panel import DatasetPanel
from petloc_gui.ui.editing.edit_controller import NUDGE_FAST_PX, NUDGE_PX, EditController
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.canvas.image_cache import ImageCache
from petloc_gui.ui.canvas.image_panel import ImagePanel, is_prediction
from petloc_gui.ui.models.model_controller import ModelController
from petloc_gui.ui.models.model_handle import load_model_handle
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.review.review_session import ReviewSession
from petloc_gui.ui.review.save_guard import SaveGuard
from petloc_gui.ui.settings import Settings
from petloc_gui.ui.actions import build_actions


def _ignore(_result) -> None:
    """Discard an edit's result in a slot (slots return None)."""


class MainWindow(QMainWindow):
    """petloc's review/annotation window."""

    def __init__(self, model_factory=None, settings: Settings | None = None) -> None:
        super().__init__()
        self.setWindowTitle("petloc[*]")
        self.settings = settings or Settings()
        self.dataset = None
        self.session: ReviewSession | None = None
        self.edits = EditController(self)
        self.images = ImageCache()
        self.predictions = PredictionService(model_factory or load_model_handle, self)
        self.panel = ImagePanel(self)
        self.setCentralWidget(self.panel)
        self.file_dock = FileListDock(self)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.file_dock)
        self.dataset_panel = DatasetPanel(self)
        self.addDockWidget(Qt.RightDockWidgetArea, self.dataset_panel)
        self.dataset_panel.hide()
        self.guard = SaveGuard(self)
        self._build_menus()
        self.models = ModelController(self, self.model_menu)
        self._build_toolbar()
        self.model_status = QLabel("No model")
        self.position_label = QLabel("")
        self.statusBar().addPermanentWidget(self.position_label)
        self.statusBar().addPermanentWidget(self.model_status)
        self._connect()
        self.resize(1400, 860)
        geometry, state = self.settings.geometry(), self.settings.state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._state_restored = state is not None and self.restoreState(state)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._state_restored:
            self._state_restored = True
            self.resizeDocks([self.file_dock], [460], Qt.Horizontal)

    # --- construction -------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {name: bar.addMenu(f"&{name}") for name in ("File", "Edit", "View", "Go", "Model", "Help")}
        self.model_menu = menus["Model"]
        self.training_menu_anchor = self.model_menu
        self.act = build_actions(self, menus)
        undo = self.edits.undo_group.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        redo = self.edits.undo_group.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        first = menus["Edit"].actions()[0]
        menus["Edit"].insertActions(first, [undo, redo])
        menus["Edit"].insertSeparator(first)
        # Toolbar buttons keep a short fixed text (the menu shows "Undo Move box" etc.).
        undo.setIconText("Undo")
        redo.setIconText("Redo")
        self.act["undo"], self.act["redo"] = undo, redo
        menus["View"].addAction(self.file_dock.toggleViewAction())
        menus["View"].addAction(self.dataset_panel.toggleViewAction())
        self.dataset_panel.toggleViewAction().setShortcut(QKeySequence("Ctrl+I"))
        self.act["autosave"].setChecked(self.settings.autosave)

    def _build_toolbar(self) -> None:
        tools = QToolBar("Tools", self)
        tools.setObjectName("tools")
        for name in ("open_folder", "save", "undo", "redo", "draw_mode", "accept", "verify", "delete",
                     "overlay", "fit", "next_review"):
            tools.addAction(self.act[name])
        tools.addSeparator()
        tools.addWidget(QLabel(" Label: "))
        self.label_combo = QComboBox()
        self.label_combo.setMinimumContentsLength(12)
        # Editable: a class the model does not know can be typed (Enter applies it).
        self.label_combo.setEditable(True)
        self.label_combo.setInsertPolicy(QComboBox.NoInsert)
        self.label_combo.setToolTip("Label of the selected box: pick one (keys 1-9 pick the n-th) or type a new one + Enter")
        tools.addWidget(self.label_combo)
        self.addToolBar(Qt.TopToolBarArea, tools)

    def _connect(self) -> None:
        a = self.act
        a["open_folder"].triggered.connect(self._ask_folder)
        a["open_demo"].triggered.connect(self._open_demo)
        a["save"].triggered.connect(lambda: _ignore(self.save_current()))
        a["save_all"].triggered.connect(lambda: _ignore(self.save_all()))
        a["autosave"].toggled.connect(lambda on: _ignore(setattr(self.settings, "autosave", on)))
        a["quit"].triggered.connect(lambda: _ignore(self.close()))
        a["draw_mode"].toggled.connect(lambda on: setattr(self.panel.gt_pane, "draw_mode", on))
        a["accept"].triggered.connect(self.accept_prediction)
        a["verify"].triggered.connect(lambda: _ignore(self.edits.toggle_verified()))
        a["delete"].triggered.connect(lambda: _ignore(self.edits.delete_selected()))
        a["next_box"].triggered.connect(self._select_next_box)
        for name, dx, dy in (("left", -1, 0), ("right", 1, 0), ("up", 0, -1), ("down", 0, 1)):
            a[f"nudge_{name}"].triggered.connect(lambda _=False, x=dx, y=dy: self._arrow(x, y, NUDGE_PX))
            a[f"nudge_{name}_fast"].triggered.connect(lambda _=False, x=dx, y=dy: self._arrow(x, y, NUDGE_FAST_PX))
        for name, dw, dh in (("grow_width", 1, 0), ("shrink_width", -1, 0), ("grow_height", 0, 1),
                             ("shrink_height", 0, -1)):
            a[name].triggered.connect(lambda _=False, w=dw, h=dh: _ignore(self.edits.resize_selected(w, h)))
        a["overlay"].toggled.connect(self.panel.set_overlay)
        a["zoom_in"].triggered.connect(lambda: self.panel.gt_pane.zoom_by(1.25))
        a["zoom_out"].triggered.connect(lambda: self.panel.gt_pane.zoom_by(0.8))
        a["fit"].triggered.connect(self.panel.fit)
        a["review_order"].toggled.connect(self.file_dock.set_review_order)
        a["focus_search"].triggered.connect(lambda: _ignore(self.file_dock.search.setFocus()))
        a["next_review"].triggered.connect(self.next_to_review)
        a["next_image"].triggered.connect(lambda: self.step_image(1))
        a["prev_image"].triggered.connect(lambda: self.step_image(-1))
        a["first_image"].triggered.connect(self._go_first)
        a["open_model"].triggered.connect(lambda: self.models.ask_folder())
        a["help"].triggered.connect(self._show_help)
        self.file_dock.order.currentIndexChanged.connect(
            lambda: a["review_order"].setChecked(bool(self.file_dock.order.currentData())))
        self.file_dock.next_review_button.clicked.connect(self.next_to_review)
        self.file_dock.row_chosen.connect(self.show_row)
        self.label_combo.activated.connect(lambda i: _ignore(self.edits.set_label(self.label_combo.itemText(i))))
        self.label_combo.lineEdit().returnPressed.connect(self._typed_label)
        for n in range(1, 10):
            shortcut = self.addAction(f"Label {n}")
            shortcut.setShortcut(QKeySequence(str(n)))
            shortcut.triggered.connect(lambda _=False, k=n: self.pick_label(k))
        gt = self.panel.gt_pane
        gt.box_drawn.connect(lambda box: _ignore(self.edits.add_box(box, self._label_for_new_box())))
        gt.box_edited.connect(lambda i, old, new: _ignore(self.edits.set_box(i, old, new, "Move/resize box")))
        gt.box_selected.connect(self.edits.select)
        self.edits.document_changed.connect(self._document_changed)
        self.edits.selection_changed.connect(self._selection_changed)
        self.predictions.predicted.connect(self._predicted)

    # --- public API (used by app.py, the retraining helper and tests) ------------------
    def current_folder(self) -> Path | None:
        return Path(self.dataset.root) if self.dataset is not None else None

    def current_model_spec(self) -> str:
        return self.models.spec

    def current_model_info(self):
        """The loaded model's ModelInfo, None while loading or after a failure."""
        return self.models.info

    @property
    def model_problem(self) -> str | None:
        return self.models.problem

    @property
    def model_error_box(self):
        return self.models.error_box

    def has_unsaved(self) -> bool:
        return self.session is not None and self.session.store.has_unsaved()

    def save_all(self) -> bool:
        """Save every edited image; True if all were saved."""
        return self.guard.save_rows(self.session.store.dirty_indices()) if self.session else True

    def save_current(self) -> bool:
        if self.session is None or self.session.current is None:
            return True
        return self.guard.save_rows([self.session.current], force=True)

    def open_folder(self, path, model: str | None = None) -> bool:
        """Open a dataset folder (asks about unsaved edits first). False if not opened."""
        from petloc_gui.core.dataset import open_dataset

        if not self.guard.confirm_leave():
            return False
        try:
            dataset = open_dataset(path)
        except (PetlocError, OSError) as exc:
            QMessageBox.warning(self, "Cannot open folder", str(exc))
            return False
        if self.session is not None:
            self.session.close()
        self.edits.reset()
        self.dataset = dataset
        self.session = ReviewSession(self, dataset)
        self.file_dock.set_source(self.session.model)
        self.settings.last_folder = str(dataset.root)
        self.setWindowTitle(f"petloc — {dataset.root}[*]")
        self.dataset_panel.set_dataset(dataset)
        spec = self.models.spec_for_folder(model, self.session.suggested_model)
        if spec != self.models.spec or self.models.info is None:
            self.set_model(spec)
        else:
            self.session.request_all()
        self.session.refresh_labels()
        first = self.file_dock.first_visible_row()
        if first is not None:
            self.show_row(first)
        else:
            self.panel.show_image(None, f"No images found in {dataset.root}")
            self.panel.show_annotation(None)
        if dataset.problems:
            self.statusBar().showMessage(f"{len(dataset.problems)} problem(s) while indexing: {dataset.problems[0]}",
                                         15000)
        return True

    def set_model(self, spec: str) -> None:
        """Switch model (bundled name or bundle path); predictions restart under it."""
        self.models.set_model(spec)

    # --- navigation ------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        if self.session is not None:
            self.session.show(row)

    def step_image(self, step: int) -> None:
        if self.session is None:
            return
        rows = self.file_dock.visible_rows_after(self.session.current, 1, step)
        if rows:
            self.show_row(rows[0])

    def _go_first(self) -> None:
        first = self.file_dock.first_visible_row()
        if first is not None:
            self.show_row(first)

    def next_to_review(self) -> None:
        if self.session is None:
            return
        row = self.session.next_to_review()
        if row is None:
            self.statusBar().showMessage("Review queue done: every image is verified or was visited.", 6000)
            self.session.visited.clear()
            return
        self.show_row(row)

    # --- edits -------------------------------------------------------------------------
    def accept_prediction(self) -> None:
        if self.session is None or self.session.current is None:
            return
        result = self.predictions.cached(self.dataset.items[self.session.current].image_path)
        if not is_prediction(result):
            self.statusBar().showMessage("No prediction to accept for this image yet.", 4000)
            return
        self.edits.accept_prediction(result.label, result.box)

    def pick_label(self, n: int) -> None:
        if 1 <= n <= self.label_combo.count():
            self.label_combo.setCurrentIndex(n - 1)
            self.edits.set_label(self.label_combo.itemText(n - 1))

    def _typed_label(self) -> None:
        name = " ".join(self.label_combo.currentText().split())
        if name:
            self.edits.set_label(name)
            self.panel.gt_pane.setFocus()  # back to the image, so single-key shortcuts work again

    def _label_for_new_box(self) -> str:
        if self.edits.default_label:
            return self.edits.default_label
        result = self.predictions.cached(self.dataset.items[self.session.current].image_path) if self.session else None
        if is_prediction(result):
            return result.label
        return self.label_combo.currentText() or "object"

    def _arrow(self, dx: int, dy: int, pixels: float) -> None:
        """Arrow keys nudge the selected box, except that Up/Down move in the image list when it has focus."""
        if self.file_dock.view.hasFocus():
            if dy:
                self.step_image(dy)
            return
        self.edits.nudge(dx * pixels, dy * pixels)

    def _select_next_box(self) -> None:
        doc = self.edits.doc
        if doc is not None and doc.objects:
            self.edits.select((self.edits.selected + 1) % len(doc.objects))

    def _selection_changed(self, index: int) -> None:
        self.panel.select(index)
        doc = self.edits.doc
        if doc is not None and 0 <= index < len(doc.objects):
            self.label_combo.setCurrentText(doc.objects[index].name)

    def _document_changed(self, doc) -> None:
        self.panel.show_annotation(doc, self.edits.selected)
        self.act["verify"].setChecked(doc.verified)
        if self.session is not None:
            self.session.document_changed(doc)
        self.setWindowModified(self.has_unsaved())

    # --- model ---------------------------------------------------------------------------
    def _predicted(self, path: str, version: str, result) -> None:
        info = self.models.info
        if self.session is not None and info is not None and version == info.version_id:
            self.session.prediction_arrived(path, result)

    # --- folders ------------------------------------------------------------------------
    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open image folder", self.settings.last_folder)
        if folder:
            self.open_folder(folder)

    def _open_demo(self) -> None:
        from petloc_gui.app.demo_folder import ensure_demo_folder

        try:
            folder = ensure_demo_folder()
        except (PetlocError, OSError) as exc:
            QMessageBox.warning(self, "Cannot create the demo folder", str(exc))
            return
        self.open_folder(folder)

    def _show_help(self) -> None:
        from petloc_gui.ui.help_dialog import HelpDialog

        HelpDialog(self).exec()

    # --- closing -------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.guard.confirm_leave():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background threads (idempotent)."""
        if self.session is not None:
            self.session.close()
        self.predictions.shutdown()
        self.images.shutdown()
        self.dataset_panel.shutdown()
