"""Starting a retraining run (mixed into `RetrainController`): Model → Retrain… (Ctrl+T) and the new-classes
bar's button ask for the options (`retrain_ask`), and the run's training child starts, at once, or, with
unsaved edits saved first, once their labels are checked off the UI thread (`retrain_saved_check`): reading
every saved annotation there froze the window for seconds on a big folder. The Retraining window says
"Checking the saved labels…" meanwhile, its Cancel drops the check, and a refusal is shown as it was before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from petloc_gui.app.model_choice import training_preset_for
from petloc_gui.model.retrain_policy import worker_args
from petloc_gui.model.train_worker import label_source_for
from petloc_gui.model.versions import Version, VersionError, VersionStore
from petloc_gui.ui.training.retrain_ask import ask_run
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_host import RetrainHost
from petloc_gui.ui.training.retrain_preset import folder_preset
from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.training.retrain_saved_check import CHECKING, FOLDER_CHANGED, PendingRun, SavedLabelsCheck
from petloc_gui.ui.training.training_process import ProcessOutcome, TrainingProcess

WAITING_FIRST = ("The last run's new model waits for your choice: Use the new model or Discard it in the "
                 "Retraining window, then Retrain (Ctrl+T) starts another run.")
SAVE_FAILED = "Your edits could not all be saved, so training was not started."
SAVE_CANCELLED = "Saving was cancelled, so training was not started; your edits are kept."
CHOOSING_FIRST = ("The folder's model is still being chosen (the status line says so): Retrain (Ctrl+T) once it "
                  "is, to fine-tune it.")


if TYPE_CHECKING:
    _MixedInto = QObject  # RetrainController's other base: the training process is its child
else:
    _MixedInto = object  # at run time RetrainController's own bases stay as they were


class RetrainStarting(_MixedInto):
    """Mixed into `RetrainController`, which provides the attributes used here (and its `is_running`,
    `awaits_choice`, `show_progress`, `_status`, `_tell`, `_progress_window`, `_on_event`, `_on_finished`,
    `_on_run_folder`)."""

    host: RetrainHost
    parent_widget: QWidget
    store: VersionStore
    saved_check: SavedLabelsCheck  # the check of the saved labels a run's start waits for
    process: TrainingProcess | None
    staging: Path | None
    new_version: Version | None
    run_folder: Path | None
    last_options: RetrainOptions
    first_options: RetrainOptions | None
    first_model_epochs: int
    worker_module: str
    extra_worker_args: list[str]
    show_progress_action: QAction
    _run_spec: str
    _done_event: dict[str, Any] | None
    _comparison: dict[str, Any] | None
    _first_model: bool

    if TYPE_CHECKING:  # RetrainController's, declared for the checker only: nothing of them at run time
        def is_running(self) -> bool: ...
        def awaits_choice(self) -> bool: ...
        def show_progress(self) -> RetrainProgress: ...
        def _status(self, text: str, ms: int = ...) -> None: ...
        def _tell(self, text: str, box: bool = False) -> None: ...
        def _progress_window(self) -> RetrainProgress: ...
        def _on_event(self, event: dict[str, Any]) -> None: ...
        def _on_finished(self, outcome: ProcessOutcome) -> None: ...
        def _on_run_folder(self, folder: Path | None = None) -> bool: ...

    def open_dialog(self) -> bool:
        """Model → Retrain… (Ctrl+T): ask for options, then start; while a run goes on, or its new model
        waits for Use / Discard, show that instead. With no model in use, the run is the folder's first
        model (`train_for_folder`). True when a run started, or starts once its saved labels are checked."""
        if self.is_running() or self.saved_check.busy:
            self.show_progress()
            self._status(CHECKING if self.saved_check.busy else "A training run is in progress: its window is shown.")
            return False
        if self.awaits_choice():  # a new run would leave it unmentioned: the choice comes first, in front
            self.show_progress()
            self._status(WAITING_FIRST)
            return False
        folder = self.host.current_folder()
        if folder is None:
            self._tell("Open a folder with annotated images before retraining.", box=True)
            return False
        if self.host.model_being_chosen():  # no spec yet: the run would be the folder's first model, from scratch
            self._status(CHOOSING_FIRST)
            return False
        spec = self.host.current_model_spec()
        first = not spec  # nothing to fine-tune or compare with, however the run was asked for
        defaults = (self.first_options or RetrainOptions(from_current=False, epochs=self.first_model_epochs)
                    if first else self.last_options)
        asked = ask_run(self.parent_widget, spec, folder, self.host.dataset, self.host.has_unsaved(), self.store,
                        defaults, session_renames=self.host.session_renames())
        if asked is None:
            return False
        options, next_defaults = asked
        if first:  # a first model's 30 epochs are not the next fine-tune's
            self.first_options = next_defaults
        else:
            self.last_options = next_defaults
        dataset = self.host.dataset
        preset = training_preset_for(dataset) if first and dataset is not None else None
        return self.start(options, preset=preset, first_model=first)

    def train_for_folder(self) -> bool:
        """The new-classes bar's button: the Retrain dialog, as Ctrl+T opens it. With a model in use that
        does not know a class boxed since ("Fine-tune the model with the new classes…"), fine-tuning it
        (the run adds the class); with none ("Train a model for these classes…"), the folder's first
        model, from the shipped ImageNet backbone with the photo preset (75x75 canvases: the digits
        preset), as many epochs as a first model needs by default; the window switches to it when it is
        done and the folder remembers it. During a run: the run is shown. True as `open_dialog`."""
        return self.open_dialog()

    def start(self, options: RetrainOptions, preset: str | None = None, first_model: bool = False) -> bool:
        """Start a run with these options; False (and a message) when it cannot.

        ``preset`` defaults to the current model's; ``first_model`` runs (also any run while no model is
        in use) have no current model to compare with and are used as soon as they finish. Edits saved first
        (the dialog read them unsaved): the run starts, or is refused, once their labels are checked in the
        background (`saved_check`; the Retraining window says so meanwhile), and True says the check goes on.
        """
        if self.is_running() or self.saved_check.busy:
            self._tell("A training run is already in progress.")
            return False
        folder = self.host.current_folder()
        if folder is None:
            self._tell("Open a folder with annotated images before retraining.", box=True)
            return False
        saved = options.save_first and self.host.has_unsaved()
        if saved and not self.host.save_all():
            # a Cancel in the save's question (another program's version) is the user's word, not a failure
            self._tell(SAVE_CANCELLED if self.host.save_cancelled() else SAVE_FAILED, box=True)
            return False
        spec = "" if first_model else self.host.current_model_spec()
        first_model = not spec  # Ctrl+T from scratch with no model too: it waited for a Use with nothing to compare
        preset = preset or folder_preset(spec, self.store, self.host.dataset)
        run = PendingRun(folder, preset, spec, options, first_model)
        if saved:  # never on the UI thread: reading every saved annotation froze the window for seconds
            self._show_run_window(run).status.setText(CHECKING)
            self._status(CHECKING, 0)
            self.saved_check.start(run)
            return True
        if why := self._launch(run):
            self._tell(why, box=True)
        return not why

    def _checked(self, run: PendingRun, refusal: str) -> None:
        """The saved labels' answer (`SavedLabelsCheck`): the run starts, or it is refused and says why."""
        why = (refusal or self._launch(run)) if self._on_run_folder(run.folder) else FOLDER_CHANGED
        if why:
            self._progress_window().show_failure(why)
            self._tell(why, box=True)

    def _launch(self, run: PendingRun) -> str:
        """Start the training child for ``run``: "" when it started, else why not."""
        try:
            self.staging = self.store.new_staging_dir(run.preset)
        except (OSError, VersionError) as exc:
            return f"Cannot prepare a folder for the new model: {exc}"
        options, spec = run.options, run.spec
        self.run_folder, self._run_spec = run.folder, spec
        self.new_version = None
        self._done_event = None
        self._comparison = None
        self._first_model = run.first_model
        args = worker_args(run.folder, run.preset, self.staging, epochs=options.epochs,
                           val_fraction=options.val_fraction, label=label_source_for(run.preset, spec),
                           current=spec or None, fine_tune=options.from_current and bool(spec),
                           skip_prelabels=not options.train_prelabels, renamed=options.renamed)
        if self.process is not None:
            self.process.deleteLater()
        self.process = TrainingProcess(self)
        self.process.event.connect(self._on_event)
        self.process.log.connect(lambda line: self._progress_window().append_log(line))
        self.process.finished.connect(self._on_finished)
        self._show_run_window(run).watch_output(self.process.output)  # a long silence of the child is said
        self.process.start(args + self.extra_worker_args, module=self.worker_module)
        self._status("Training started in the background (Model → Show training progress).")
        return ""

    def _show_run_window(self, run: PendingRun) -> RetrainProgress:
        """The Retraining window, reset for ``run``, shown without the keyboard."""
        progress = self._progress_window()
        progress.begin(run.options.epochs, first_model=run.first_model)
        progress.show_quietly()  # the keyboard stays on the image
        self.show_progress_action.setEnabled(True)
        return progress
