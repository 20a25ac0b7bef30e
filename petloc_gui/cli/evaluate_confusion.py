"""`petloc evaluate`'s confusion matrix, with a row for each ground-truth label the model does not know.

`core.metrics.evaluate_objects` gives the matrix of the model's classes: rows truth, columns predicted,
in the model's class order. The images whose truth is a label outside them (a class renamed since the model
trained, ruddy -> abyssinian; one it never learned) were in no row: "9 evaluated" over a matrix whose entries
summed to 5, and what the model took those images for was nowhere. Each such label gets a row of its own,
in the table and in `--json` (`KEY`), its columns still the model's classes (it can predict no other).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from petloc_gui.core.text import table

# --json: {label the model does not know: its confusion row, columns as "confusion"'s labels}
KEY = "confusion_unknown_labels"
UNKNOWN = "(unknown to the model)"  # as the class table marks such a label


def unknown_rows(evaluated: Sequence[tuple[Path, Any, Any]], class_names: Sequence[str],
                 unknown: Iterable[str]) -> dict[str, list[int]]:
    """The confusion rows of the ``unknown`` ground-truth labels (those of ``evaluated``'s objects outside
    ``class_names``), by name: how many of the images whose truth each is the model gave each of its classes.
    An image's truth is the object its prediction is matched to (`core.metrics.best_gt_match`), as for the
    matrix's rows, so each image is in one row; one the model gave no class (its output not a number) is in
    no column, as there. A label on no image's matched object (beside the object of a known class it was
    matched to) keeps its row, all 0, as a class of the model's boxed on no image does."""
    from petloc_gui.core.metrics import best_gt_match

    index = {name: i for i, name in enumerate(class_names)}
    rows = {label: [0] * len(class_names) for label in sorted(unknown)}
    for _, objects, prediction in evaluated:
        if all(label in index for label, _ in objects):  # its truth is a class of the model's: in the matrix
            continue
        truth = best_gt_match(objects, prediction.label, prediction.box).label
        if truth in rows and prediction.label in index:
            rows[truth][index[prediction.label]] += 1
    return rows


def confusion_lines(report: dict[str, Any]) -> list[str]:
    """The table's confusion matrix: a row per class of the model's, then per label it does not know."""
    labels = report["confusion"]["labels"]
    if not labels:
        return []
    rows = [[name, *row, ""] for name, row in zip(labels, report["confusion"]["matrix"], strict=True)]
    rows += [[name, *row, UNKNOWN] for name, row in (report.get(KEY) or {}).items()]
    return ["", "confusion (rows: truth, columns: predicted)",
            *table(["", *labels, ""], rows, right=range(1, len(labels) + 1))]
