"""A training run's end (mixed into `RetrainController`): the new model registered as a version not kept or
discarded yet and shown beside the current model's figures (a folder's first model: used at once), or why the
run failed, nothing of it kept.

A child that ended without finishing after its "done" event (killed by the system when memory ran out, or with
kill -9, a crash, an error while it scored the new model against the current one or wrote its record) had saved
the new model whole: hours of training on a photo folder. The window said "Training failed after the new model was
saved … The current model is unchanged." and deleted it, though a copy loaded and predicted fine. Its bundle, when
complete (`model.bundle_check`: meta.json readable, model.keras a loadable-looking archive), is now kept as such a
version, "not compared", and the window says what happened; one that is not complete is dropped as before, in
words that do not call it saved.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from petloc_gui.app.model_choice import model_display_name
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.train_worker import version_figures
from petloc_gui.model.version_record import read_json
from petloc_gui.model.versions import RECORD_FILE, Version, VersionError, VersionStore
from petloc_gui.ui.training.retrain_comparison_figures import comparison_figures
from petloc_gui.ui.training.retrain_host import RetrainHost
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE, RetrainProgress
from petloc_gui.ui.training.run_log import error_lines
from petloc_gui.ui.training.training_process import ProcessOutcome

if TYPE_CHECKING:
    _MixedInto = QObject  # RetrainController's other base: its signals are declared on it
else:
    _MixedInto = object

STATUS_MS = 8000
# The bar's word once a run ends without a model (`RetrainProgress.show_failure`): left empty, an emptied bar
# under the message said nothing, and one that kept "epoch 3/5 · step 2/6" looked still running.
BAR_CANCELLED = "cancelled"
BAR_FAILED = "failed"
BAR_NOT_KEPT = "not kept"


class RetrainEnding(_MixedInto):
    """Mixed into `RetrainController`, which provides the attributes used here (and `use_new_model`, `_status`,
    `_tell`, `_progress_window`, `_on_run_folder`, `_drop_staging`)."""

    host: RetrainHost
    store: VersionStore
    staging: Path | None
    new_version: Version | None
    _run_spec: str
    _done_event: dict[str, Any] | None
    _comparison: dict[str, Any] | None
    _first_model: bool
    _started: dict[str, Any] | None = None  # the run's "start" event: whether it fine-tunes the model in use

    if TYPE_CHECKING:  # RetrainController's, declared for the checker only: nothing of them at run time
        version_created = Signal(object)
        run_finished = Signal(object)

        def use_new_model(self, later: bool = False) -> None: ...
        def _status(self, text: str, ms: int = ...) -> None: ...
        def _tell(self, text: str, box: bool = False) -> None: ...
        def _progress_window(self) -> RetrainProgress: ...
        def _on_run_folder(self, folder: Path | None = None) -> bool: ...
        def _drop_staging(self) -> None: ...

    def _on_event(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "done":
            self._done_event = event
        elif kind == "start":
            self._started = event
        elif kind == "comparison":
            self._comparison = event
        elif kind == "epoch":
            self._status(f"Training: epoch {event.get('epoch')}/{event.get('epochs')}")
        elif kind == "error":  # too few usable images: the files left out, named as a start event's
            for line in error_lines(event):
                self._progress_window().append_log(line)
        self._progress_window().on_event(event)

    def _on_finished(self, outcome: ProcessOutcome) -> None:
        progress = self._progress_window()
        succeeded = outcome.exit_code == 0 and not outcome.crashed and not outcome.cancelled
        ended = ""  # how the child ended after its "done" event, its new model saved whole: kept all the same
        if not succeeded and self._done_event is not None and not outcome.cancelled:  # (a Cancel keeps nothing)
            problem = self._bundle_problem()
            if problem is None:
                ended = outcome.reason()
            else:
                outcome = replace(outcome, unkept=f"The new model's files are not complete ({problem}), so nothing "
                                                  "of this run is kept.")
        if not ended and (not succeeded or self._done_event is None):
            self._failed(outcome, succeeded)
            return
        staging = self.staging
        assert staging is not None, "set by `_launch`; cleared only after a run's end, or by a cancelling quit"
        unscored = ended if self._comparison is None else ""  # (ended after the comparison: while writing its record)
        try:  # "decided": false until Use / Discard: a window killed before the choice leaves it said so
            self.new_version = self.store.commit(staging, decided=False, **self._unfinished_record(staging, ended))
        except (OSError, VersionError) as exc:
            self._drop_staging()
            progress.show_failure(f"The new model could not be kept: {exc}\nThe current model is unchanged.",
                                  bar_text=BAR_NOT_KEPT)
            self._tell(f"The new model could not be kept: {exc}")
            self.run_finished.emit(outcome)
            return
        self.staging = None
        done = f"Training finished: new model version {self.new_version.id}"
        if ended:
            progress.append_log(f"[petloc] The new model was saved whole, then {ended}: it is kept as version "
                                f"{self.new_version.id}{', not compared' if unscored else ''}.")
            done += f", not compared: {ended} before the comparison finished" if unscored else f"; {ended} after it"
        self.version_created.emit(self.new_version)
        if self._first_model:  # nothing to compare with: the folder's first model is used at once
            progress.show_first_model(comparison_figures(self._comparison, self._done_event)[1])
            here = self._on_run_folder()
            self.use_new_model()  # elsewhere, its status line says which folder keeps it
            if here:
                self._status(f"{done}{'. It' if ended else ''} is this folder's first model, used now: there is no "
                             "model to compare it with (Model → Versions picks another).", 0)
            self.run_finished.emit(outcome)
            return
        old, new, note = comparison_figures(self._comparison, self._done_event)
        if unscored:
            note = (f"Not compared: the comparison did not finish; {unscored}. The new model had been saved whole; "
                    "its own figures, on the run's validation images, are shown.")
        # another model chosen meanwhile (not a folder's model being chosen again, F5 or a reopen: no spec yet)
        if self._run_spec and self.host.current_model_spec() != self._run_spec and not self.host.model_being_chosen():
            note = " ".join(part for part in (note, "The model in use changed during training; the new model is "
                                              "compared with the one it started from.") if part)
        progress.show_result(old, new, note, old_name=model_display_name(self._run_spec))
        if progress.isVisible():  # as the user left it, maybe behind the main window: never raised
            shown = ". It waits" if unscored else ", compared with the current one"
            self._status(f"{done}{shown} in the Retraining window (Model → Show training progress).", 0)
        else:  # put away during the run: it stays so, the status bar says why
            progress.set_aside.emit()  # the "not kept yet" button
            self._status(f"{done}. {UNDECIDED_NOTE}", 0)
        self.run_finished.emit(outcome)

    def _failed(self, outcome: ProcessOutcome, succeeded: bool) -> None:
        """The run ended without a model: nothing of it is kept, and the Retraining window and the status line
        say why."""
        progress = self._progress_window()
        self._drop_staging()
        if succeeded:  # exit 0 without a "done" event: treat as a failure, never register
            outcome = replace(outcome, error_message="the training process ended without finishing")
        message = outcome.describe()
        progress.show_failure(message, bar_text=BAR_CANCELLED if outcome.cancelled else BAR_FAILED)
        first = message.splitlines()[0]
        put_away = not (outcome.cancelled or progress.isVisible())  # it stays so: see RetrainProgress
        self._status(f"{first} Model → Show training progress shows the log." if put_away else first,
                     0 if put_away else STATUS_MS)
        self.run_finished.emit(outcome)

    def _bundle_problem(self) -> str | None:
        """Why the staging folder does not hold a complete bundle (its meta.json unreadable, its model.keras
        missing or cut short: `model.bundle_check`), or None."""
        if self.staging is None:
            return "its folder is gone"
        return model_file_problem(self.staging)

    def _unfinished_record(self, staging: Path, ended: str) -> dict[str, Any]:
        """For a child that ended (``ended``: how) after its "done" event without its training record (written last,
        once the models are compared: `train_worker.run_real`): the record's fields as far as the bundle and the
        events say them: its figures (the comparison's, else the run's own: meta.json), the model it fine-tuned
        (the model in use when the run started, when the start event named a parent's classes), and, not compared,
        why. {} when the record is there."""
        if not ended or (staging / RECORD_FILE).is_file():
            return {}
        meta = read_json(staging / "meta.json")
        meta = meta if isinstance(meta, dict) else {}
        comparison = {k: v for k, v in self._comparison.items() if k != "event"} if self._comparison else None
        fine_tuned = isinstance(self._started, dict) and self._started.get("parent_class_names") is not None
        training_data = meta.get("training_data")
        training_data = training_data if isinstance(training_data, dict) else {}
        return {"parent": self._run_spec if fine_tuned and self._run_spec else None,
                "metrics": version_figures(comparison, meta), "training_metrics": meta.get("metrics"),
                "data_fingerprint": training_data.get("fingerprint"), "epochs_run": meta.get("epochs_run"),
                "comparison": comparison,
                **({} if comparison else {"not_compared": f"the comparison did not finish: {ended}"})}
