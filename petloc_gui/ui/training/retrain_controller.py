"""Retraining from the GUI: Model → Retrain… (Ctrl+T) and Model → Versions.

``install_retraining(window)`` adds the actions to ``window.model_menu`` and
returns the ``RetrainController`` that runs one training child process at a
time, registers its result as a model version, and lets the user use it,
discard it, or roll back to any earlier version. It sees the window as a
``RetrainHost``: a few methods, not its widgets. The window never imports
TensorFlow for this: all of it happens in the child process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from petloc_gui.app.model_choice import model_display_name
from petloc_gui.app.version_users import discard_unused
from petloc_gui.core.errors import SaveError
from petloc_gui.core.real_paths import part_inside
from petloc_gui.core.text import visible
from petloc_gui.model.bundle_write import remove_abandoned_save
from petloc_gui.model.retrain_policy import FIRST_MODEL_EPOCHS
from petloc_gui.model.versions import Version, VersionError, VersionInUse, VersionStore
from petloc_gui.ui.keyboard_back import open_with_keyboard_back
from petloc_gui.ui.models.model_versions_menu import VersionsMenu
from petloc_gui.ui.training import retrain_quit
from petloc_gui.ui.training.discard_question import kept_in_use
from petloc_gui.ui.training.fine_tune_readable import is_readable_model
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_ending import BAR_CANCELLED, STATUS_MS, RetrainEnding
from petloc_gui.ui.training.retrain_host import RetrainHost
from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.training.retrain_saved_check import CANCELLED, FOLDER_CHANGED, SavedLabelsCheck
from petloc_gui.ui.training.retrain_start import RetrainStarting
from petloc_gui.ui.training.said_while_hidden import say_while_hidden
from petloc_gui.ui.training.training_process import WORKER_MODULE, TrainingProcess

if TYPE_CHECKING:
    from petloc_gui.ui.models.model_controller import ModelController
    from petloc_gui.ui.models.trained_here_watch import TrainedHereWatch

BAR_NOT_STARTED = "not started"  # the bar's word for a run whose start was dropped (`retrain_ending.BAR_FAILED`)


class RetrainController(RetrainEnding, RetrainStarting, QObject):
    """Owns the Retrain action, the Versions menu and the running training process (started by
    `RetrainStarting`; its end: `RetrainEnding`).

    ``menu`` gets the actions; ``parent`` is the widget its dialogs and the
    progress window belong to; ``host`` answers what it asks of the window.
    """

    version_created = Signal(object)  # Version
    run_finished = Signal(object)  # ProcessOutcome
    message = Signal(str)  # what the user was told (also shown in the status bar)
    # a Version Discard deleted: the window's new-classes bar may name it as the model that knows every class
    version_discarded = Signal(object)

    def __init__(self, host: RetrainHost, menu: QMenu, parent: QWidget, store: VersionStore | None = None,
                 in_use_found: Callable[[], Any] = lambda: None) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent
        self.store = store or VersionStore()
        # The worker module and extra arguments: tests run a stand-in from tests/; the app, the real worker.
        self.worker_module = WORKER_MODULE
        self.extra_worker_args: list[str] = []
        self.process: TrainingProcess | None = None
        self.staging: Path | None = None
        self.new_version: Version | None = None
        self._picked_new: str | None = None  # the path of new_version picked in Model → Versions, until it loads
        self.last_options: RetrainOptions = RetrainOptions()
        self._done_event: dict[str, Any] | None = None
        self._comparison: dict[str, Any] | None = None
        self._progress: RetrainProgress | None = None
        self._first_model = False
        self.run_folder: Path | None = None  # the folder the run trains on, and the model it started from
        self._run_spec = ""
        self.first_model_epochs = FIRST_MODEL_EPOCHS  # a first model's default
        self.first_options: RetrainOptions | None = None  # the first-model dialog's choices, once made
        self.last_message_box: QMessageBox | None = None
        self.saved_check = SavedLabelsCheck(self._checked, self)  # a run's start waits for it (edits saved first)

        self.retrain_action = QAction("&Retrain…", parent)
        self.retrain_action.setShortcut(QKeySequence("Ctrl+T"))
        self.retrain_action.setStatusTip("Retrain the model on this folder's saved annotations, in the background")
        self.retrain_action.triggered.connect(self.open_dialog)
        self.show_progress_action = QAction("Show &training progress", parent)
        self.show_progress_action.triggered.connect(self.show_progress)
        self.show_progress_action.setEnabled(False)
        self.versions_menu = VersionsMenu(self.store, host.current_model_spec, menu,
                                          undecided=lambda: self.new_version.id if self.new_version else None,
                                          in_use_found=in_use_found)
        self.versions_menu.version_chosen.connect(self.roll_back)
        self.versions_menu.bundled_chosen.connect(self.use_bundled)
        menu.addSeparator()
        menu.addAction(self.retrain_action)
        menu.addAction(self.show_progress_action)
        menu.addMenu(self.versions_menu)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- running -------------------------------------------------------------
    def is_running(self) -> bool:
        return self.process is not None and self.process.is_running()

    def cancel(self) -> None:
        """Stop the run, or the check its start waits for; nothing of it is kept."""
        if self.saved_check.drop():
            self._progress_window().show_failure(CANCELLED, bar_text=BAR_CANCELLED)
            self._status(CANCELLED)
        elif self.process is not None and self.is_running():  # the process named for the checker
            self._progress_window().show_cancelling()
            self.process.cancel()

    def folder_opened(self) -> None:
        """The window opened a folder (`FolderOpening.open_folder`): a run whose saved labels are checked for
        another one starts on neither, and its check is stopped now (left alone, its worker read the folder
        left behind to its end, 8-13 s on 10,000 images, for an answer then dropped). The folder read again
        (F5) is the same folder: its run starts once checked."""
        run = self.saved_check.waiting
        if run is not None and not self._on_run_folder(run.folder) and self.saved_check.drop():
            self._progress_window().show_failure(FOLDER_CHANGED, bar_text=BAR_NOT_STARTED)
            self._tell(FOLDER_CHANGED, box=True)

    def show_progress(self) -> RetrainProgress:
        """The user asked for the window (Model → Show training progress, the status bar's button,
        Ctrl+T during a run or while a new model waits): in front, with the keyboard, on Use the new
        model when that choice waits (it was a Tab walk away, round the chart, the log and the table).
        Nothing else brings it back. (`RetrainProgress.bring_forward` puts the keyboard there.) Returns the
        window, which the quit's questions are asked over."""
        progress = self._progress_window()
        progress.bring_forward()
        return progress

    def awaits_choice(self) -> bool:
        """Whether a finished run's new model waits for Use / Discard."""
        return (self.new_version is not None and not self.is_running() and self._progress is not None
                and self._progress.awaits_choice())

    def confirm_quit(self) -> bool:
        """On quit: a run stopped, a new model kept or discarded, as the user says (True: go ahead)."""
        if not retrain_quit.confirm_quit(self):
            return False
        self.saved_check.drop()  # the window closes: no run starts behind it
        return True

    def shutdown(self) -> None:
        """On quit: stop a running worker, wait briefly for it, keep nothing of the run."""
        self.saved_check.drop()
        process = self.process
        if process is not None and self.is_running():
            process.cancel()
            if not process.wait(5000):
                process.qprocess.kill()
                process.wait(2000)
            self._drop_staging()

    # -- choosing --------------------------------------------------------------
    def use_new_model(self, later: bool = False) -> None:
        """Use the model just trained for the folder it trained on: now, when that folder is still
        open; else (or ``later``: the window is closing) from when it is opened again (never for the
        folder open now)."""
        version = self.new_version
        if version is None or self.run_folder is None:
            return
        here = self._on_run_folder() and not later
        if here and not self._switch_to(version, picked=False):
            return
        # Remembered now, not once its load is done (`ModelController.pick_loaded`, which remembers it again): a
        # window closed or killed before that left the version kept and the folder on its model before.
        self.host.remember_model_for(self.run_folder, str(version.path))
        if here:
            decided = f"Now using the new model ({version.id})."
        else:
            decided = (f"The new model ({version.id}) is kept as {visible(self.run_folder.name)}'s model: that "
                       "folder uses it when it is opened again.")
            self._status(decided)
        self._mark_decided(version)
        self._progress_window().show_decided(decided)
        self.new_version = None

    def discard_new_model(self) -> str:
        """Delete the model just trained. When the window uses it (picked from Model → Versions) on
        the folder it trained on, that folder goes back to the model the run started from first;
        elsewhere (another folder uses it) it is refused. A folder that remembers it as its model
        (picked in another window meanwhile: folder_models.json) keeps it: the choice is made, the
        version stays in Model → Versions, and what was said is returned ("" when it was deleted)."""
        version = self.new_version
        if version is None:
            return ""
        # no model in use (a rename dropped it during the run, say): "the current model" named one there is not
        here = "the current model is unchanged" if self.host.current_model_spec() else "no model is in use, as before"
        if self.host.current_model_spec() == str(version.path):
            if not (self._on_run_folder() and self._run_spec and is_readable_model(self._run_spec)):
                self._tell("The new model is the one in use: choose another model before discarding it.", box=True)
                return ""
            self.host.adopt_model(self._run_spec)
            here = f"back to the model training started from ({model_display_name(self._run_spec)})"
        try:
            discard_unused(self.store, version.id)
        except VersionInUse as used:
            # checked as it is deleted, not when the comparison opened: a pick in another window since counts
            kept = kept_in_use(version, used, here)
            self._mark_decided(version)
            self.new_version = None
            self._progress_window().show_decided(kept)
            self._tell(kept, box=True)
            return kept
        except (OSError, SaveError, VersionError) as exc:
            self._tell(f"Could not delete {version.path}: {exc}")
            return ""
        self.new_version = None
        self._progress_window().show_decided(f"The new model was discarded; {here}.")
        self._status("New model discarded.")
        self.version_discarded.emit(version)
        return ""

    def roll_back(self, version: Version) -> None:
        """Model → Versions → <version>: use that version (one not kept or discarded yet is kept once it has
        loaded: `ui.models.picked_version`). The one just trained is used as Use does once it has loaded
        (`model_loaded`; `pick_ended`): made at once, a pick that failed to load took Use / Discard away from a
        version still undecided, and a quit before it loaded asked nothing of it."""
        waiting = self.new_version is not None and version.id == self.new_version.id
        self._picked_new = str(version.path) if waiting else None  # before the switch: the load may be said in it
        if not self._switch_to(version):
            self._picked_new = None

    def model_loaded(self, info: Any) -> None:
        """The window's model has loaded: a pick of the new model (``info.spec``) is its Use; any other ends it."""
        version, picked, self._picked_new = self.new_version, self._picked_new, None
        if version is not None and picked == str(version.path) == info.spec:
            self._mark_decided(version)
            self._progress_window().show_decided(f"Now using the new model ({version.id}).")
            self.new_version = None

    def pick_ended(self, spec: object = None) -> None:
        """A model failed, none fits the folder, or ``spec`` is used: a pick of the new model (not ``spec``) is over."""
        self._picked_new = self._picked_new if self._picked_new == spec else None

    def use_bundled(self, name: str) -> None:
        """Model → Versions → Bundled: <name>: used, and this folder's model from now on."""
        self.host.choose_model(name)
        self._status(f"Using the bundled {name} model.")

    def _switch_to(self, version: Version, picked: bool = True) -> bool:
        """Use ``version`` (and remember it for the open folder): ``picked`` from the Versions menu
        (kept when classes change), or kept as the result of a run on this folder."""
        if not version.path.is_dir():
            # a pick in Model → Versions, not a retrain: titled "Retraining" it read as a training run's trouble
            self._tell(f"The model version {version.id} is no longer on disk.", box=True, title="Model versions")
            return False
        (self.host.choose_model if picked else self.host.adopt_model)(str(version.path))
        self._status(f"Using model version {version.id} ({version.preset}).")
        return True

    def _on_run_folder(self, folder: Path | None = None) -> bool:
        """Whether the window shows the folder the run trained on (``folder``: the one a run is to train on),
        under any spelling of its path."""
        current, folder = self.host.current_folder(), folder or self.run_folder
        return current is not None and folder is not None and part_inside(current, folder) == Path(".")

    # -- helpers ---------------------------------------------------------------
    def _drop_staging(self) -> None:
        if self.staging is not None:
            self.store.remove_staging(self.staging)
            # A child killed while writing its bundle leaves it beside the staging folder (a partial model.keras),
            # until the day-old sweep: on the nearly full disk that often ended the run. Its child has ended.
            remove_abandoned_save(self.staging)
            self.staging = None

    def _mark_decided(self, version: Version) -> None:
        """The choice is made for ``version``: its record stops saying "not kept or discarded yet"."""
        try:
            self.store.mark_decided(version)
        except VersionError as exc:  # (a read-only store) the model is used all the same; listed undecided still
            self._status(str(exc))

    def _progress_window(self) -> RetrainProgress:
        if self._progress is None:
            self._progress = RetrainProgress(self.parent_widget)
            self._progress.cancel_requested.connect(self.cancel)
            self._progress.comparison.use_new.connect(self.use_new_model)
            self._progress.comparison.discard_new.connect(self.discard_new_model)
            say_while_hidden(self._progress, self.host, self.show_progress)  # on the status line, while put away
        return self._progress

    def _status(self, text: str, ms: int = STATUS_MS) -> None:
        self.message.emit(text)
        self.host.show_status(text, ms)

    def _tell(self, text: str, box: bool = False, title: str = "Retraining") -> None:
        self._status(text)
        if box:
            dialog = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent_widget)
            dialog.setTextFormat(Qt.TextFormat.PlainText)  # a class or folder "<b>cat" named as it is, not as markup
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            open_with_keyboard_back(dialog)  # not exec(): never block the event loop (training keeps reporting)
            self.last_message_box = dialog


class RetrainWindow(RetrainHost, Protocol):
    """The window retraining is installed on (a QMainWindow: it parents the dialogs): its answers as
    a ``RetrainHost``, its Model menu, where it keeps the controller (`MainWindow.retrain_controller`), its
    check of the model in use against the open folder, whose answer Model → Versions says too, and its model
    controller, told when Discard deleted a version (its bar may have named it)."""

    model_menu: QMenu
    retrain_controller: RetrainController | None
    trained_here: TrainedHereWatch
    models: ModelController


def install_retraining(window: RetrainWindow) -> RetrainController:
    """Add Retrain… (Ctrl+T) and the Versions submenu to ``window.model_menu``; the controller is
    ``window.retrain_controller`` from now on."""
    controller = RetrainController(window, window.model_menu, cast(QWidget, window),
                                   in_use_found=lambda: window.trained_here.found)
    controller.version_discarded.connect(lambda _version: window.models.versions_changed())
    window.models.loaded.connect(controller.model_loaded)
    for ended in (window.models.failed, window.models.no_model, window.models.switched):  # (a reason: no spec)
        ended.connect(controller.pick_ended)
    window.retrain_controller = controller
    return controller
