"""`petloc evaluate`'s per-class table, and which of its rows rest on images the model trained on.

The "images" line says how many evaluated images the model (or one it was fine-tuned from) trained on
(`evaluate_trained_on.trained_on_count`), but a class row did not: under ``--split all`` a class of one
image, that image a training image, read "cat_1  1  0.000  0.000" as if held out. Each row now says how
many of its images were trained on (the table's "trained on" column where any was; ``KEY`` in --json).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.cli.evaluate_confusion import row_marks
from petloc_gui.cli.evaluate_unknown import KEY as UNKNOWN_PER_CLASS
from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import table

if TYPE_CHECKING:
    from petloc_gui.core.metrics import GtMatch

# --json: {class or unknown label: how many of its row's images were trained on}; null when that is not known
KEY = "trained_on_per_class"
HEADER = "trained on"
NOTE = "trained on: of a row's images, those the model (or one it was fine-tuned from) trained on: not held out"


def trained_per_class(evaluated: Sequence[tuple[Path, Any, Any]], class_names: Sequence[str],
                      unknown: Collection[str], trained: Collection[Path],
                      matches: Sequence[GtMatch] | None = None) -> dict[str, int]:
    """How many of each row's images are ``trained`` ones (`trained_on_count`'s ``matched``), for every
    row, a class of the model's or a label it does not know (``unknown``): the images whose truth it is, as
    its row counts them (the object the prediction is matched to: ``matches[i]`` image i's,
    `core.metrics.match_each`; matched here when not given)."""
    from petloc_gui.cli.evaluate_unknown import matches_of

    if matches is None:
        matches = matches_of(evaluated)
    counts = dict.fromkeys([*class_names, *sorted(unknown)], 0)
    trained = set(trained)
    for (image, _, _), match in zip(evaluated, matches, strict=True):
        if image not in trained:
            continue
        # an image in one row only, as the rows' counts: a label beside the matched object is not its truth
        truth = match.label
        if truth is not None:
            counts[truth] = counts.get(truth, 0) + 1
    return counts


def class_table(report: dict[str, Any], num: Callable[[Any], str]) -> list[str]:
    """The per-class table: a row per class of the model's, then per label it does not know, each part in
    natural order (`core.natural_order`, as `petloc stats` lists classes; --json keeps its own), each with
    its image count, and how many of them were trained on where any evaluated image was (`trained_cells`);
    ``num`` writes a figure. `core.text.table`: each column as wide as its widest cell as a terminal shows
    it (a long or wide-character class name moves no row)."""
    trained = trained_cells(report)

    def counts(name: str, count: int) -> list[Any]:
        return [count] if trained is None else [count, trained.get(name, 0)]

    # in `petloc stats`' order (natural: cat_2 before cat_10, Dogg after american), not the model's (code
    # point: cat_10 before cat_2, every capital first), in which one class was in a different row in each
    per_class = report["per_class"]
    marks = row_marks(per_class, report["unknown_labels"])  # "(decomposed)", "(unknown to the model)"
    rows = [[name, *counts(name, per_class[name]["count"]), num(per_class[name]["accuracy"]),
             num(per_class[name]["mean_iou"]), marks[name]] for name in natural_order(per_class)]
    # a label the model does not know: figures as a class's, on the images whose truth it is (`evaluate_unknown`)
    for name in natural_order(report["unknown_labels"]):
        figures = report[UNKNOWN_PER_CLASS][name]
        rows.append([name, *counts(name, figures["count"]), num(figures["accuracy"]), num(figures["mean_iou"]),
                     marks[name]])
    header = ["class", "count", *([] if trained is None else [HEADER]), "accuracy", "mean IoU", ""]
    return [*table(header, rows, right=range(1, len(header) - 1)), *([] if trained is None else [NOTE])]


def trained_cells(report: dict[str, Any]) -> dict[str, int] | None:
    """The table's "trained on" column, by row label: only where some evaluated image was trained on (a
    known count over 0), else None (no column)."""
    counts = report.get(KEY)
    return counts if report.get("n_trained_on") and isinstance(counts, dict) else None
