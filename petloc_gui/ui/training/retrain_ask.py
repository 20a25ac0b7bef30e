"""The Retrain dialog as the retrain controller opens it: for the model in use (Ctrl+T), or for a folder's
first model (no model in use: Ctrl+T, or the new-classes bar's "Train a model for these classes…").

Both ways show the same dialog, so the user sees the images held out and chooses the epochs before a
run starts (the bar's button started 30 epochs at once, with neither). A first model has no model to
fine-tune or to compare with: the greyed "Fine-tune the current model (no model)" is not shown, and its
choice names the network the run trains and where its weights start, from the preset the run uses
(`ui.models.first_model_start`): "ImageNet backbone" was said of a digits folder's small CNN from scratch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from petloc_gui.app.model_choice import model_display_name
from petloc_gui.model.train_worker import label_source_for
from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.keyboard_back import keyboard_back
from petloc_gui.ui.modal import modal
from petloc_gui.ui.models.first_model_start import FirstModelStart, first_model_start
from petloc_gui.ui.training.fine_tune_readable import is_readable_model
from petloc_gui.ui.training.retrain_counts import count_annotated
from petloc_gui.ui.training.retrain_dialog import RetrainDialog, RetrainOptions
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.retrain_preset import folder_preset

FIRST_MODEL_TITLE = "Train a model for this folder"
FIRST_MODEL_CHOICE = "Train this folder's first model: {}"  # what it is and where it starts (`FirstModelStart`)
FIRST_MODEL_TIP = ("No model is in use, so there is none to fine-tune or to compare the new one with: it is used "
                   "for this folder as soon as it is done (Model → Versions picks another)")


def ask_run(parent: QWidget, spec: str, folder: Path, dataset: Any, has_unsaved: bool, store: VersionStore,
            defaults: RetrainOptions, session_renames: dict[str, str] | None = None,
            ) -> tuple[RetrainOptions, RetrainOptions] | None:
    """The Retrain dialog for a run on ``folder`` from the model in use ``spec`` ("" for none: the
    folder's first model); (the options chosen, the dialog's defaults next time), or None when the
    user cancelled. ``session_renames``: the classes renamed in this window session (old -> new), which
    the dialog offers as renames of the model's classes (ADR 0011)."""
    preset = folder_preset(spec, store, dataset)  # the run's own (`RetrainStarting.start`)
    label = label_source_for(preset, spec)
    readable = bool(spec) and is_readable_model(spec)
    with keyboard_back(), modal(RetrainDialog(
        parent,
        model_name=model_display_name(spec),
        data_name=str(folder),
        n_annotated=count_annotated(dataset),
        has_unsaved=has_unsaved,
        holdout_loader=lambda: holdout_preview_for(folder, label, parent_spec=spec if readable else None),
        defaults=defaults,
        can_fine_tune=readable,
        session_renames=session_renames or {},
    )) as dialog:
        if not spec:
            as_first_model(dialog, first_model_start(preset))
        else:  # a digits model's "from scratch" is no ImageNet backbone either
            dialog.from_scratch.setText(scratch_choice(first_model_start(preset)))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options(), dialog.next_defaults()


def scratch_choice(start: FirstModelStart) -> str:
    """The dialog's "from scratch" choice beside a model in use, naming what the run trains: "Train from
    scratch (the small digits network)", "Train from scratch (MobileNet, from the shipped ImageNet backbone)"."""
    if start.backbone:
        return f"Train from scratch ({start.network}, {start.start})"
    return f"Train from scratch ({start.network}{'; ' + start.caveat if start.caveat else ''})"


def as_first_model(dialog: RetrainDialog, start: FirstModelStart) -> None:
    """The dialog for a folder's first model: ``start``, what the run trains and from where, said so; no
    greyed fine-tune choice."""
    dialog.setWindowTitle(FIRST_MODEL_TITLE)
    dialog.from_current.hide()
    dialog.from_scratch.setChecked(True)
    dialog.from_scratch.setText(FIRST_MODEL_CHOICE.format(start.said))
    dialog.from_scratch.setToolTip(FIRST_MODEL_TIP)
    dialog.set_first_model()
