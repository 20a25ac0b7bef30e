"""The main window: composition of the file list, the two panes, the edit controller and the model.

TensorFlow is never imported here: the model loads in the prediction
worker thread (prediction_service.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from petloc_gui.app.version_marks import LoadedVersionMark
from petloc_gui.ui.actions import build_actions
from petloc_gui.ui.canvas.image_cache import ImageCache
from petloc_gui.ui.canvas.image_panel import ImagePanel, is_prediction
from petloc_gui.ui.canvas.view_actions import connect_view_actions
from petloc_gui.ui.dock_share import DockShare, smallest_hint
from petloc_gui.ui.dock_toggle import dock_toggle_action
from petloc_gui.ui.editing.accept_guard import AcceptGuard
from petloc_gui.ui.editing.edit_actions import connect_edit_actions
from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.folders import FolderOpening, RecentFoldersMenu
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.modal import modal
from petloc_gui.ui.models.model_controller import ModelController
from petloc_gui.ui.models.model_handle import bundle_fingerprint, load_model_handle
from petloc_gui.ui.models.prediction_service import PredictionService
from petloc_gui.ui.models.shown_model import ShownModel
from petloc_gui.ui.predictions_shown import PredictionsShown
from petloc_gui.ui.review import listed_queue
from petloc_gui.ui.review.dataset_panel import DatasetPanel
from petloc_gui.ui.review.export_action import install_export_actions
from petloc_gui.ui.review.file_list_dock import FileListDock
from petloc_gui.ui.review.review_session import ReviewSession
from petloc_gui.ui.review.save_guard import SaveGuard
from petloc_gui.ui.settings import Settings
from petloc_gui.ui.status_line import ModelLabel, StatusLine
from petloc_gui.ui.tab_chain import OnScreenTabChain
from petloc_gui.ui.toolbar_buttons import ActionToolBar
from petloc_gui.ui.window_geometry import fit_into, restore_geometry
from petloc_gui.ui.window_host import WindowHost

if TYPE_CHECKING:
    from petloc_gui.app.image_document import ImageDocument
    from petloc_gui.ui.training.retrain_controller import RetrainController  # installed by app.install_retraining

LIST_WIDTH = 460  # the image list's first-run width (px); a small window gives it less (`DockShare`)


def _ignore(_result) -> None:
    """Discard an edit's result in a slot (slots return None)."""


class MainWindow(WindowHost, FolderOpening, OnScreenTabChain, QMainWindow):
    """petloc's review/annotation window."""

    def __init__(self, model_factory=None, settings: Settings | None = None) -> None:
        super().__init__()
        self.setStatusBar(StatusLine(self))  # before anything shows a message: a long one is elided, not cut
        self.setWindowTitle("petloc[*]")
        self.settings = settings or Settings()
        self.dataset = None
        self.session: ReviewSession | None = None
        self.edits = EditController(self)
        self.accept_guard = AcceptGuard(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.images = ImageCache()
        factory = model_factory or load_model_handle
        # a model's predictions kept on disk are shown while it loads: the fingerprint they are kept under
        self.predictions = PredictionService(factory, self, fingerprint_of=getattr(factory, "fingerprint_of",
                                                                                   bundle_fingerprint),
                                             holding=LoadedVersionMark().loaded)  # Discard elsewhere keeps it
        self.panel = ImagePanel(self)
        self.setCentralWidget(self.panel)
        self.file_dock = FileListDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.file_dock)
        self.dataset_panel = DatasetPanel(self)
        # Tabbed with the image list: showing it does not take width from the two panes.
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dataset_panel)
        self.tabifyDockWidget(self.file_dock, self.dataset_panel)
        self.dataset_panel.hide()
        # the list and the panel give way to the image panes in a small window, and get their width back
        self.dock_share = DockShare(self, [self.file_dock, self.dataset_panel],
                                    self.settings.list_width() or LIST_WIDTH, floor=self._dock_floor)
        self.guard = SaveGuard(self, self)
        self._build_menus()
        self.models = ModelController(self.predictions, self.settings, self.model_menu, self, self)
        self.shown_model = ShownModel(self.models)  # what a box accepted with A is marked with (ADR 0013)
        self.predictions_shown = PredictionsShown(self.models, self.predictions, lambda: self.session,
                                                  self.panel, self.dataset_panel)
        self.retrain_controller: RetrainController | None = None  # set by `install_retraining`
        self._build_toolbar()
        self.addToolBarBreak()  # the "no model knows these classes" bar below it: full width
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.models.new_classes)
        self.model_status = ModelLabel("No model")  # fitted from the figures' parts its lines carry
        self.trained_here = self.watch_trained_here()  # which of the folder's images the model trained on
        self.position_label = QLabel("")
        self.cursor_label = QLabel("")  # cursor position and the size of the box being drawn
        self.cursor_label.setContentsMargins(0, 0, 12, 0)  # not run into the counter beside it
        self.statusBar().addPermanentWidget(self.cursor_label)
        self.statusBar().addPermanentWidget(self.position_label)
        self.statusBar().addPermanentWidget(self.model_status)
        self._connect()
        self.setAcceptDrops(True)  # a folder or an image dropped on the window opens it
        self.resize(1400, 860)
        restore_geometry(self, self.settings.geometry())  # on a size grid Ctrl+I and F5 do not move (at 150%)
        self.fit_on_screen()
        state = self.settings.state()
        self._state_restored = state is not None and self.restoreState(state)

    def showEvent(self, event) -> None:  # Qt's name
        super().showEvent(event)
        if not self._state_restored:
            self._state_restored = True
            QTimer.singleShot(0, self, self.fit_on_screen)  # again, now that the frame's size is known
        # also with a layout restored: saved in a larger window, it would squeeze the panes here
        QTimer.singleShot(0, self, self.dock_share.fit)
        self.focus_canvas()

    def available_screen(self) -> QRect:
        """Where the window may be: the screen's area less panels and docks."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1400, 860)

    def fit_on_screen(self) -> None:
        fit_into(self, self.available_screen())

    def _dock_floor(self, dock) -> int:
        return self.file_dock.legible_width() if dock is self.file_dock else smallest_hint(dock)

    def focus_canvas(self) -> None:
        """Give the keyboard to the image, where the single-key shortcuts (N, B, +, O…) act.

        Text boxes (search, label) hand it back on Enter and Escape, so a key
        meant for the image never types into them. From a floating dock (a
        window of its own) the main window is activated too: the focus alone
        moves within a window that does not get the keys, and D typed "d".
        Another window the user is in (Retraining, another program) keeps them.
        """
        self.panel.gt_pane.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.isActiveWindow() and any(dock.isFloating() and dock.isActiveWindow()
                                             for dock in self.findChildren(QDockWidget)):
            self.activateWindow()

    # --- construction -------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {name: bar.addMenu(f"&{name}") for name in ("File", "Edit", "View", "Go", "Model", "Help")}
        self.model_menu = menus["Model"]
        self.act = build_actions(self, menus)
        self.exports = install_export_actions(self, menus['File'], before=self.act['quit'])
        self.recent_menu = RecentFoldersMenu(self.settings, self.open_folder, self)
        menus['File'].insertMenu(self.act['open_demo'], self.recent_menu)
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
        self.act["image_list"] = dock_toggle_action(self.file_dock, "I&mages")
        self.act["dataset_panel"] = dock_toggle_action(self.dataset_panel, "Da&taset", "Ctrl+I")
        menus["View"].addActions([self.act["image_list"], self.act["dataset_panel"]])
        self.act["autosave"].setChecked(self.settings.autosave)

    def _build_toolbar(self) -> None:
        # The Label box has a toolbar of its own, first: on a narrow window the buttons
        # (all of them also in the menus, with keys) fold into the » menu, the Label box stays.
        label_bar = ActionToolBar("Label", self, "label")  # (its » button named as the Tools bar's)
        self.labels = LabelBox(self.edits, self)
        self.label_combo = self.labels.combo
        label_bar.addWidget(self.labels.caption)  # the box's buddy: its name, and Alt+L
        label_bar.addWidget(self.label_combo)
        tools = ActionToolBar("Tools", self, "tools", [self.act[name] for name in (
            "open_folder", "save", "undo", "redo", "draw_mode", "accept", "verify", "delete", "overlay", "fit",
            "next_review")])  # its buttons follow Undo's text, Verified's check… with no connection added each time
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, label_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)

    def _connect(self) -> None:
        a = self.act
        a["open_folder"].triggered.connect(self._ask_folder)
        a["open_demo"].triggered.connect(self._open_demo)
        a["reload_folder"].triggered.connect(lambda: _ignore(self.reload_folder()))
        self.file_dock.reload_requested.connect(lambda: _ignore(self.reload_folder()))
        a["save"].triggered.connect(lambda: _ignore(self.save_current()))
        a["save_all"].triggered.connect(lambda: _ignore(self.save_all()))
        a["autosave"].toggled.connect(lambda on: setattr(self.settings, "autosave", on))
        a["quit"].triggered.connect(lambda: _ignore(self.close()))
        a["accept"].setAutoRepeat(False)  # a held A is one press: its repeats were the guard's second A
        a["accept"].triggered.connect(lambda: self.accept_prediction(ask=True))
        a["classes"].triggered.connect(self.edit_classes)
        connect_edit_actions(a, self.edits, self.panel.gt_pane, self.statusBar(), other_panes=[self.panel.pred_pane],
                             list_has_focus=self.file_dock.view.hasFocus, step_image=self.step_image,
                             label_for_new_box=self._label_for_new_box, focus_image=self.focus_canvas)
        connect_view_actions(a, self.panel, lambda text: self.statusBar().showMessage(text, 4000),
                             self.cursor_label.setText)
        a["stay_in_draw_mode"].setChecked(self.settings.stay_in_draw_mode)
        a["stay_in_draw_mode"].toggled.connect(lambda on: setattr(self.settings, "stay_in_draw_mode", on))
        a["review_order"].toggled.connect(self.file_dock.set_review_order)
        # the dock's own: it shows the list first (closed, a tab behind), and activates it where it floats
        a["focus_search"].triggered.connect(self.file_dock.focus_search)
        a["next_review"].triggered.connect(self.next_to_review)
        a["next_image"].triggered.connect(lambda: self.step_image(1))
        a["prev_image"].triggered.connect(lambda: self.step_image(-1))
        a["first_image"].triggered.connect(lambda: self._go_to(self.first_visible_row()))
        a["last_image"].triggered.connect(lambda: self._go_to(self.file_dock.last_visible_row()))
        a["open_model"].triggered.connect(lambda: self.models.ask_folder())
        a["help"].triggered.connect(self._show_help)
        self.file_dock.order.currentIndexChanged.connect(
            lambda: a["review_order"].setChecked(bool(self.file_dock.order.currentData())))
        self.file_dock.next_review_button.clicked.connect(self.next_to_review)
        self.file_dock.row_chosen.connect(self.show_row)
        self.dataset_panel.image_chosen.connect(self.show_image_file)  # a problem's image
        self.file_dock.order_changed.connect(self.update_position)
        self.labels.typing_done.connect(self.focus_canvas)
        self.file_dock.typing_done.connect(self.focus_canvas)
        self.edits.document_changed.connect(self._document_changed)
        self.edits.selection_changed.connect(self.panel.select)
        self.models.status.connect(self.model_status.setText)

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

    def has_unsaved(self) -> bool:
        return self.session is not None and self.session.store.has_unsaved()

    def save_all(self) -> bool:
        """Save every edited image; True if all were saved."""
        return self.guard.save_rows(self.session.store.dirty_indices()) if self.session else True

    def save_current(self) -> bool:
        if self.session is None or self.session.current is None:
            return True
        return self.guard.save_rows([self.session.current], force=True)

    def set_model(self, spec: str) -> None:
        """Switch model (bundled name or bundle path); predictions restart under it."""
        self.models.set_model(spec)

    # --- navigation ------------------------------------------------------------------
    def show_row(self, row: int) -> None:
        if self.session is not None:
            self.session.show(row)

    def show_image_file(self, path: Path) -> None:
        """Show one of the folder's images, listed whatever the list's filters (as a dropped one)."""
        row = self.session.row_of_file(path) if self.session is not None else None
        if row is not None:
            self.file_dock.model.keep_listed(row)
            self.show_row(row)

    def step_image(self, step: int) -> None:
        if self.session is None:
            return
        rows = self.file_dock.visible_rows_after(self.session.current, 1, step)
        if rows:
            self.show_row(rows[0])
        elif self.session.current is not None:
            self._at_the_end(self.session, self.session.current, step)

    def _at_the_end(self, session: ReviewSession, current: int, step: int) -> None:
        """D on the list's last image (Shift+D on its first): saved as a move saves it (labelImg's D saves,
        then looks for the next image), and said; it did nothing, and the last image was left unsaved."""
        saved = session.autosave(current)
        if saved is False:
            return  # the failed save has said why
        # the save's note (what it removed, the version on disk shown) stays, as on any D; its count alone: "saved"
        note = self.guard.last_note if saved else ""
        end = ("The list shows no image (its search or filter matches none)" if not self.file_dock.model.rowCount()
               else f"{'Last' if step > 0 else 'First'} image of the list")
        dirty = self.edits.doc is not None and self.edits.doc.dirty
        unsaved = " Its edits are not saved: Ctrl+S saves them." if dirty else ""
        said = f"{note} {end}." if note else f"{end}{': saved.' if saved else '.'}"
        self.statusBar().showMessage(f"{said}{unsaved}", 15000 if note else 5000)  # the note's own 15 s

    def _go_to(self, row: int | None) -> None:  # Home, End: the list's first or last row as shown
        if row is not None:
            self.show_row(row)

    def next_to_review(self) -> None:
        if self.session is None:
            return
        row = self.session.next_to_review()
        if row is None:
            self.statusBar().showMessage(listed_queue.done_text(bool(self.session.model.gone)), 6000)
            self.session.visited.clear()
        elif row is not listed_queue.STAY:  # STAY: the filter hides all left (said); selection and zoom kept
            self.show_row(row)

    # --- edits -------------------------------------------------------------------------
    def accept_prediction(self, ask: bool = False) -> None:
        """Make the model's prediction the image's box. ``ask`` (A, the toolbar's Accept): a person's box is
        replaced only by a second A (`AcceptGuard`); labelImg's A (previous image) replaced it unseen."""
        if self.session is None or self.session.current is None:
            return
        result = self._shown_prediction()
        if not is_prediction(result):
            self.statusBar().showMessage("No prediction to accept for this image yet.", 4000)
        elif not ask or self.accept_guard.may_replace(self.edits, result.label, result.box):
            info = self.shown_model.info()  # the loaded model, or the one whose kept predictions show
            self.edits.accept_prediction(result.label, result.box, info.mark_name if info else None,
                                         info.bundle_version if info else None)

    def _label_for_new_box(self) -> str:
        """A label given on this image (picked before drawing), else the model's label for it, else the
        last label given anywhere (labelImg's rule). The last label alone labelled a cat "dog" after six
        cats accepted with A, the model saying "cat 1.00" beside it."""
        if given := self.edits.label_given_here():
            return given
        result = self._shown_prediction()
        if is_prediction(result):
            return result.label
        if self.edits.default_label:  # (forgotten once no box has it: FolderClasses)
            return self.edits.default_label
        return self.labels.label_of_text(self.label_combo.currentText()) or "object"

    def _shown_prediction(self):
        """The model's result for the image shown, as cached (None: no image shown, none yet, or the folder's
        model still being chosen: the cache holds the previous model's, which may not suit this folder)."""
        if self.session is None or self.session.current is None or self.session.model_pending or self.dataset is None:
            return None
        return self.predictions.cached(self.dataset.items[self.session.current].image_path)

    def edit_classes(self) -> None:
        """Edit → Classes…: the folder's class list."""
        if self.session is None:
            self.statusBar().showMessage("Open a folder first: its class list is kept in it.", 5000)
            return
        from petloc_gui.ui.editing.class_list_dialog import ClassListDialog
        from petloc_gui.ui.review.class_editor import ClassEditor

        info = lambda: self.models.info.class_names if self.models.info is not None else ()  # noqa: E731
        editor = ClassEditor(self.session, self.edits, info, host=self)
        with keyboard_back(), modal(ClassListDialog(editor, self)) as dialog:  # (the list's, or the image's)
            dialog.exec()

    def update_position(self) -> None:
        """The counter: the image's place in the list as shown (its sort and filter), not in name order."""
        current = self.session.current if self.session is not None else None
        self.position_label.setText(self.file_dock.position_text(current))

    def _document_changed(self, doc: ImageDocument) -> None:
        if doc is self.edits.doc:
            self.panel.show_annotation(doc, self.edits.selected)
            self.act["verify"].setChecked(doc.verified)
        if self.session is not None:
            self.session.document_changed(doc)
        self.setWindowModified(self.has_unsaved())

    # --- help and closing ---------------------------------------------------------------
    def _show_help(self) -> None:
        from petloc_gui.ui.help_dialog import HelpDialog

        with keyboard_back(), modal(HelpDialog(self)) as dialog:
            dialog.exec()

    def closeEvent(self, event) -> None:  # Qt's name
        training = self.retrain_controller
        # The edits first: saving them loses nothing if the quit is cancelled later, where stopping a
        # run or discarding a new model cannot be undone.
        if not self.guard.confirm_leave() or (training is not None and not training.confirm_quit()):
            event.ignore()
            return
        self.settings.save_list_width(self.dock_share.wish)
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.hide()  # at once: what is left to stop (`shutdown`) may take a moment, and the window is done
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background threads (idempotent): only once the close is accepted, as it cancels a running export."""
        self.exports.stop()
        self.trained_here.stop()  # at its next yield: a close (the application going on) waited for the folder's end
        if self.session is not None:
            self.session.close()
        self.predictions.shutdown()
        self.images.shutdown()
        self.dataset_panel.shutdown()
