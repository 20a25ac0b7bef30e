"""The Retrain dialog refuses a run whose classes include one typed two ways ("Bengal" and "bengal"), but it
reads the saved files only: with "Save my unsaved edits first" ticked, the edits saved as the run starts may
bring a second spelling in. The controller asks again once they are saved (`refusal_after_saving`), by the
rule and in the words of the dialog and `petloc train` (`model.run_case_variants`), and starts no run then;
the training child refuses such a run itself too, as a last guard.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.text import visible
from petloc_gui.model.run_case_variants import run_case_variants
from petloc_gui.model.train_worker import label_source_for
from petloc_gui.ui.training.retrain_dialog import RetrainOptions


def refusal_after_saving(folder: Path, preset: str, spec: str, options: RetrainOptions) -> str:
    """Why the run the controller is about to start on ``folder`` (``preset``; from the model in use ``spec``,
    "" for none) with ``options`` is refused now that the edits are saved, "" when it may start. Every saved
    annotation is read (the window waits: the saves just made it wait too)."""
    fine_tune = options.from_current and bool(spec)  # as `retrain_policy.worker_args` tells the worker
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        refusal = run_case_variants(folder, label_source_for(preset, spec), spec if fine_tune else None,
                                    options.renamed if fine_tune else {}, not options.train_prelabels,
                                    reopen_rename_hint if fine_tune else None)
    except Exception:  # noqa: BLE001 - unreadable now: the training child checks again and says what it could not read
        refusal = ""
    finally:
        QApplication.restoreOverrideCursor()
    return f"Your edits are saved. This run cannot start: {refusal}." if refusal else ""


def reopen_rename_hint(renames: Sequence[tuple[str, str]]) -> str:
    """The refusal's other way for a class of the model spelled otherwise in the folder, ``(the folder's
    spelling, the model's)`` each: the Retrain dialog's class choices (`retrain_dialog.window_rename_hint`
    says them "above", in the dialog), which it shows once the folder is read as saved now."""
    choices = " and ".join(f'"{visible(old)} renamed" for {visible(new)}' for new, old in renames)
    return (f"; or, for a class of the model spelled otherwise here, open Retrain again (Ctrl+T) and choose "
            f"{choices} there, to keep its weights under this folder's spelling")
