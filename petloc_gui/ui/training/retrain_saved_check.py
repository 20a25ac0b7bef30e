"""The Retrain dialog refuses a run whose classes include one typed two ways ("Bengal" and "bengal"), but it
reads the saved files only: with "Save my unsaved edits first" ticked, the edits saved as the run starts may
bring a second spelling in. The controller asks again once they are saved (`refusal_after_saving`), by the
rule and in the words of the dialog and `petloc train` (`model.run_case_variants`), and starts no run then;
the training child refuses such a run itself too, as a last guard.

That reads every saved annotation: seconds on a big folder, in which the window froze, a wait cursor and
nothing drawn. `SavedLabelsCheck` asks in a worker (`ui.background`), and the run starts, or is refused,
when the answer comes. A check dropped (cancelled, the window closing, another folder opened, another check
started) is stopped too, within one file: left alone it read the folder to its end (8-13 s on 10,000 images),
and the app's exit waited for it, its window gone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject

from petloc_gui.core.case_variant_refusal import Wording
from petloc_gui.core.errors import CancelledError
from petloc_gui.core.text import visible
from petloc_gui.model.run_case_variants import run_case_variants
from petloc_gui.model.train_worker import label_source_for
from petloc_gui.ui import background
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

CHECKING = "Checking the saved labels…"
CANCELLED = "Cancelled while the saved labels were checked: no run was started."
FOLDER_CHANGED = ("Another folder was opened while the saved labels were checked: no run was started. Retrain "
                  "(Ctrl+T) starts one on the folder open now.")


@dataclass(frozen=True)
class PendingRun:
    """A run the controller starts once its saved labels are checked: on ``folder``, with ``preset``, from the
    model in use ``spec`` ("" for none; ``first_model``: nothing to compare with), with ``options``."""

    folder: Path
    preset: str
    spec: str
    options: RetrainOptions
    first_model: bool


REOPENED = "when Retrain (Ctrl+T) opens again"  # where the class choices are, said after the dialog closed


def refusal_after_saving(folder: Path, preset: str, spec: str, options: RetrainOptions,
                         stopped: Callable[[], bool] | None = None) -> str:
    """Why the run the controller is about to start on ``folder`` (``preset``; from the model in use ``spec``,
    "" for none) with ``options`` is refused now that the edits are saved, "" when it may start. Every saved
    annotation is read: call it off the UI thread (`SavedLabelsCheck`). Raises `CancelledError` once
    ``stopped()`` says so (asked before each file)."""
    from petloc_gui.model.layout_test_split import layout_test_holdout

    fine_tune = options.from_current and bool(spec)  # as `retrain_policy.worker_args` tells the worker
    try:
        # the folder's test list held out, as the run (`window_holdout`) and the dialog's preview hold it out
        held = layout_test_holdout(folder).images
        refusal = run_case_variants(folder, label_source_for(preset, spec), spec if fine_tune else None,
                                    options.renamed if fine_tune else {}, not options.train_prelabels,
                                    Wording(REOPENED, reopen_rename_hint) if fine_tune else None, stopped,
                                    exclude=held)
    except CancelledError:
        raise  # no answer at all: "" would say the run may start
    except Exception:  # noqa: BLE001 - unreadable now: the training child checks again and says what it could not read
        refusal = ""
    return f"Your edits are saved. This run cannot start: {refusal}." if refusal else ""


def reopen_rename_hint(renames: Sequence[tuple[str, str]]) -> str:
    """The refusal's other way for a class of the model spelled otherwise in the folder, ``(the folder's
    spelling, the model's)`` each: the Retrain dialog's class choices (`retrain_dialog.window_rename_hint`
    says them "above", in the dialog), which it shows once the folder is read as saved now."""
    choices = " and ".join(f'"{visible(old)} renamed" for {visible(new)}' for new, old in renames)
    return (f"; or, for a class of the model spelled otherwise here, open Retrain again (Ctrl+T) and choose "
            f"{choices} there, to keep its weights under this folder's spelling")


def _check_in_worker(check_id: int, run: PendingRun, stopped: Callable[[], bool]) -> tuple[int, str | None]:
    """In the worker: the answer for check ``check_id``, which it is told apart by, None when it was stopped
    (``stopped()`` said so: dropped; never raises)."""
    try:
        return check_id, refusal_after_saving(run.folder, run.preset, run.spec, run.options, stopped)
    except CancelledError:
        return check_id, None


class SavedLabelsCheck(QObject):
    """One check of a run's saved labels at a time, in a worker; its answer goes to ``answered(run, refusal)``
    in the UI thread, "" when the run may start. An answer nobody waits for any more is let go: the check was
    dropped (`drop`: cancelled, the window closing, another folder opened) or another started since; with its
    owner deleted (the window closed) it arrives nowhere. The owner still tells, on arrival, a folder changed
    by a way that did not drop it (``answered``). A check let go is stopped as well (its own event, set by
    `drop` and by the next `start`): its worker ends within a file instead of reading the folder through for
    nobody."""

    def __init__(self, answered: Callable[[PendingRun, str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answered = answered
        self._pending: PendingRun | None = None
        self._check_id = 0  # of the check whose answer is waited for
        self._stop = threading.Event()  # of that check: set, its worker stops reading (a fresh one per check)

    @property
    def busy(self) -> bool:
        """A check goes on, and its run waits for it."""
        return self._pending is not None

    @property
    def waiting(self) -> PendingRun | None:
        """The run that waits for the check going on, if any."""
        return self._pending

    def start(self, run: PendingRun) -> None:
        """Check ``run``'s saved labels in the background (a check going on is dropped)."""
        self._stop.set()  # the check going on, if any: nobody waits for its answer now
        self._stop = threading.Event()
        self._check_id += 1
        self._pending = run
        background.start(_check_in_worker, self._check_id, run, self._stop.is_set, returned=self._on_answer)

    def drop(self) -> bool:
        """Wait no longer: the answer of the check going on is let go. True when one went on."""
        dropped, self._pending = self._pending is not None, None
        self._stop.set()  # its worker stops at the next file: the app's exit need not wait for the whole read
        return dropped

    def _on_answer(self, answer: tuple[int, str | None]) -> None:
        check_id, refusal = answer
        run = self._pending
        if run is None or check_id != self._check_id or refusal is None:
            return  # dropped, or another check started since (None: stopped, so one or the other)
        self._pending = None
        self._answered(run, refusal)
