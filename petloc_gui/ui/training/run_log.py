"""The Retraining window's words for a run's events: its status line, log lines and curves' title.

Validation is split in two (`model.splits`): one part chooses the epoch (its
figures are the curves' and the epoch lines' "val." ones), the other only
reports (its figures are the table's at the end). The two can differ a lot on
a few images, so each figure says which part it is on, as `petloc train`'s
start line does ("3 validation: 1 choose the epoch, 2 report"). No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from petloc_gui.app.epoch_line import epoch_line as shared_epoch_line
from petloc_gui.app.model_metrics import accepted_names
from petloc_gui.core.annotation_names import NO_ANNOTATION
from petloc_gui.core.shared_annotations import SHARES, left_out_line
from petloc_gui.core.text import counted, first_of, names_set_apart, visible
from petloc_gui.model.prelabel_models import is_left_out

LISTED = 50  # image names in the log's line of each validation part
LEFT_OUT_NAMED = 3  # file names in the line of a model's pre-labels left out, as `petloc train` names them
CURVES_TITLE = "Training curves"


class ValidationParts:
    """How many validation images choose the epoch and how many only report, by a run's start event
    (``selection_images``, ``report_images``); None each when it does not say (an older worker)."""

    def __init__(self, event: dict[str, Any] | None = None) -> None:
        event = event or {}
        selection, report = event.get("selection_images"), event.get("report_images")
        self.selection: list[str] | None = [str(n) for n in selection] if isinstance(selection, list) else None
        self.report: list[str] | None = [str(n) for n in report] if isinstance(report, list) else None

    @property
    def known(self) -> bool:
        return self.selection is not None and self.report is not None

    def chooses(self) -> str:
        """"chooses the epoch: 3 images" ("" when unknown or none)."""
        return f"chooses the epoch: {counted(len(self.selection), 'image')}" if self.known and self.selection else ""

    def reported(self) -> str:
        """"reported: 2 images", or, with no report part, the selection set's words: its images report too."""
        if not self.known:
            return ""
        if self.report:
            return f"reported: {counted(len(self.report), 'image')}"
        return f"reported: the same {counted(len(self.selection or []), 'image')} (no others)" if self.selection else ""

    def curves_title(self) -> str:
        """The chart's title: whose figures its "val." curves are."""
        return f"{CURVES_TITLE} (val. {self.chooses()})" if self.chooses() else CURVES_TITLE

    def count_label(self) -> str:
        """The result table's row of image counts: which part its figures are on."""
        if not self.known or not (self.report or self.selection):
            return "Validation images"
        return "Validation images (reported)" if self.report else "Validation images (chose the epoch)"


def status_text(event: dict[str, Any], parts: ValidationParts) -> str:
    """"Training on 40 images, validating on 10 (chooses the epoch: 5 images; reported: 5 images)…"."""
    n_train, n_val = event.get("n_train"), event.get("n_val")
    text = "Training"
    if n_train is not None and n_val is not None:
        text += f" on {n_train} images, validating on {n_val}"
        split = "; ".join(part for part in (parts.chooses(), parts.reported()) if part)
        text += f" ({split})" if split else ""
    return text + "…"


def start_lines(event: dict[str, Any], parts: ValidationParts) -> list[str]:
    """The log's lines on a run's start: its unreviewed pre-labels, and its validation images, by part."""
    lines = []
    prelabels = _int(event.get("n_prelabels"), 0)
    if prelabels:
        lines.append(f"[petloc] {prelabels} of the training images are unreviewed pre-labels (a model's boxes): "
                     "trained on, never validated on")
    skipped = _int(event.get("n_prelabels_skipped"), 0)
    if skipped:
        lines.append(f"[petloc] {counted(skipped, 'unreviewed pre-label')} left out of this run, as asked")
    left_out = event.get("skipped")
    lines += skipped_lines(left_out if isinstance(left_out, list) else [])
    names = event.get("val_images")
    if not isinstance(names, list) or not names:
        return lines
    if parts.known and parts.selection and parts.report:
        lines.append(f"[petloc] {len(names)} validation images: {len(parts.selection)} choose the epoch (the "
                     f"curves' and epoch lines' val. figures), {len(parts.report)} report the figures (the table "
                     "at the end)")
        lines.append(f"[petloc] {parts.chooses()}: {_listed(parts.selection)}")
        lines.append(f"[petloc] {parts.reported()}: {_listed(parts.report)}")
    elif parts.known and parts.selection:  # one validation image: no report part
        lines.append(f"[petloc] {counted(len(names), 'validation image')}, choosing the epoch and reporting the "
                     f"figures (there are no others): {_listed([str(n) for n in names])}")
    else:
        lines.append(f"[petloc] {len(names)} validation images: " + _listed([str(n) for n in names]))
    return lines


def error_lines(event: dict[str, Any]) -> list[str]:
    """The log's lines on a run's error event: the images it left out when it stopped for too few usable
    ones (``skipped``, sent then as the start event sends it), grouped as `start_lines` says them; the
    error itself is the window's status line."""
    skipped = event.get("skipped")
    return skipped_lines(skipped if isinstance(skipped, list) else [])


def skipped_lines(skipped: Sequence[Any]) -> list[str]:
    """The images a run leaves out (the start event's ``skipped``: ``[path, reason]`` each), grouped as
    `petloc train` says them (`cli.train_checks`, `cli.train_report.report_skipped`): the pre-labels of a
    model that did not know a class of the run one line per model and classes, not once per file; images
    whose annotation file is another image's one line; each other file its own line, with why; images
    without an annotation counted."""
    unannotated, shared, lines = 0, [], []
    left_out: dict[str, list[str]] = {}  # by reason: the model and the classes it did not know
    for entry in skipped:
        path, reason = (str(part) for part in [*(entry if isinstance(entry, (list, tuple)) else [entry]), "", ""][:2])
        if reason == NO_ANNOTATION:
            unannotated += 1
        elif reason.startswith(SHARES):
            shared.append((visible(path), visible(reason)))
        elif is_left_out(reason):
            left_out.setdefault(reason, []).append(path)
        else:
            lines.append(f"[petloc] skipped {visible(path)}: {visible(reason)}")
    grouped = [f"[petloc] {counted(len(paths), 'image')} left out "
               f"({first_of([visible(PurePath(p).name) for p in paths], LEFT_OUT_NAMED)}), each an {visible(reason)}"
               for reason, paths in left_out.items()]
    lines = grouped + lines  # `petloc train` says the pre-labels before it starts, the other files at its start
    if shared:
        lines.append(f"[petloc] {left_out_line('left out', shared)}")
    if unannotated:
        lines.append(f"[petloc] {counted(unannotated, 'image')} without an annotation not used")
    return lines


def accepted_lines(done: dict[str, Any]) -> list[str]:
    """What `petloc train` says after its closing figures, in its words (`cli.train_report`), of the run's
    scored validation images: those holding boxes a person accepted unchanged from a model (the "done"
    event's ``metrics_accepted_boxes``, `model.training_accepted`): the figures on those whose boxes a person
    drew, then the warning (which points at the line above it); then those that are canvases of MNIST digits
    a model learned on other canvases (its ``metrics_learned_digits``, `model.training_digits`), a warning
    each. None when both records are null."""
    from petloc_gui.cli.train_report import (
        accepted_of,
        accepted_warning,
        learned_digits_lines,
        learned_digits_of,
        person_lines,
    )

    record = accepted_of(done)
    # the record's warning is plain (`comparison_accepted.told`): the models it counts are set apart here
    warning = names_set_apart(accepted_warning(record), accepted_names(record)) if record else ""
    accepted = [*person_lines(record), warning] if record else []
    return accepted + learned_digits_lines(learned_digits_of(done))


def epoch_line(event: dict[str, Any], parts: ValidationParts | None = None) -> str:
    """`petloc train`'s epoch line (`app.epoch_line`), naming the validation part its "val" figures are on:
    "epoch 3/10  loss 0.4200  val_acc 0.900 … (val. chooses the epoch: 5 images)"."""
    return shared_epoch_line(event, parts.chooses() if parts is not None else "")


def _listed(names: list[str]) -> str:
    return ", ".join(names[:LISTED]) + (" …" if len(names) > LISTED else "")


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
