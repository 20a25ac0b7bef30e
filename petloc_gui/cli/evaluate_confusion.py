"""`petloc evaluate`'s confusion matrix, with a row for each ground-truth label the model does not know.

`core.metrics.evaluate_objects` gives the matrix of the model's classes: rows truth, columns predicted,
in the model's class order. The images whose truth is a label outside them (a class renamed since the model
trained, ruddy -> abyssinian; one it never learned) were in no row: "9 evaluated" over a matrix whose entries
summed to 5, and what the model took those images for was nowhere. Each such label gets a row of its own,
in the table and in `--json` (`KEY`), its columns still the model's classes (it can predict no other).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.label_variants import form_notes
from petloc_gui.core.natural_order import natural_key, natural_order
from petloc_gui.core.text import columns, display_width, table

if TYPE_CHECKING:
    from petloc_gui.core.metrics import GtMatch

# --json: {label the model does not know: its confusion row, columns as "confusion"'s labels}
KEY = "confusion_unknown_labels"
UNKNOWN = "(unknown to the model)"  # as the class table marks such a label


def row_marks(known: Iterable[str], unknown: Collection[str]) -> dict[str, str]:
    """Each row's mark, by its label, in the class table and the matrix alike: what tells it from another row
    shown alike ("composed" and "decomposed": `core.label_variants.form_notes`, as the notice bar and `petloc
    stats` mark them; a composed and a decomposed "chat_été" were two rows that printed the same), and whether
    the model knows it (`UNKNOWN`); "" for a row of neither."""
    known = list(known)
    notes = form_notes([*known, *unknown])
    marks = {}
    for name in [*known, *unknown]:
        words = [word for word in (notes.get(name, ""), UNKNOWN[1:-1] if name in unknown else "") if word]
        marks[name] = f"({', '.join(words)})" if words else ""
    return marks


def unknown_rows(evaluated: Sequence[tuple[Path, Any, Any]], class_names: Sequence[str],
                 unknown: Iterable[str], matches: Sequence[GtMatch] | None = None) -> dict[str, list[int]]:
    """The confusion rows of the ``unknown`` ground-truth labels (those of ``evaluated``'s objects outside
    ``class_names``), by name: how many of the images whose truth each is the model gave each of its classes.
    An image's truth is the object its prediction is matched to (`core.metrics.best_gt_match`), as for the
    matrix's rows, so each image is in one row; one the model gave no class (its output not a number) is in
    no column, as there. A label on no image's matched object (beside the object of a known class it was
    matched to) keeps its row, all 0, as a class of the model's boxed on no image does. ``matches[i]``: image
    i's match (`core.metrics.match_each`); matched here when not given."""
    from petloc_gui.cli.evaluate_unknown import matches_of

    if matches is None:
        matches = matches_of(evaluated)
    index = {name: i for i, name in enumerate(class_names)}
    rows = {label: [0] * len(class_names) for label in sorted(unknown)}
    for (_, objects, prediction), match in zip(evaluated, matches, strict=True):
        if all(label in index for label, _ in objects):  # its truth is a class of the model's: in the matrix
            continue
        truth = match.label
        if truth in rows and prediction.label in index:
            rows[truth][index[prediction.label]] += 1
    return rows


# Above either, the matrix is no table a terminal shows (120 classes: 120 lines of 1,893 characters): the
# largest confusions are listed instead, and the full matrix is in --json
MAX_CLASSES = 15
MAX_WIDTH = 120  # terminal columns
LISTED = 20  # confusions listed, largest first


def confusion_lines(report: dict[str, Any]) -> list[str]:
    """The table's confusion matrix: a row per class of the model's (in its order), then per label it does
    not know (in natural order); a list of the largest confusions instead when the matrix is too large to
    read (`MAX_CLASSES`, `MAX_WIDTH`)."""
    labels = report["confusion"]["labels"]
    if not labels:
        return []
    unknown = report.get(KEY) or {}
    marks = row_marks(labels, unknown)
    rows = [[name, *row, marks[name]] for name, row in zip(labels, report["confusion"]["matrix"], strict=True)]
    # the matrix's rows keep the model's class order (its columns'); those below it, the class table's
    rows += [[name, *unknown[name], marks[name]] for name in natural_order(unknown)]
    matrix = table(["", *labels, ""], rows, right=range(1, len(labels) + 1))
    if len(labels) <= MAX_CLASSES and max(display_width(line.rstrip()) for line in matrix) <= MAX_WIDTH:
        return ["", "confusion (rows: truth, columns: predicted)", *matrix]
    return largest_confusions(labels, rows, "too many" if len(labels) > MAX_CLASSES else "too wide")


def largest_confusions(labels: Sequence[str], rows: Sequence[Sequence[Any]], why: str) -> list[str]:
    """The confusions (an image of one class given another) of the matrix ``rows`` ([truth, *counts by
    ``labels``, mark]), largest first (then by name, class2 before class10), the first `LISTED` of them,
    each with its row's mark (`UNKNOWN`), and where the whole matrix is (``why``: "too many" to show)."""
    found = sorted(((int(count), str(row[0]), str(predicted), str(row[-1]))
                    for row in rows for predicted, count in zip(labels, row[1:-1], strict=True)
                    if count and predicted != row[0]),
                   key=lambda c: (-c[0], natural_key(c[1]), c[1], natural_key(c[2]), c[2]))
    where = (f"the full matrix ({len(labels)} classes, {why} to show here) is in --json "
             f"(confusion{', ' + KEY if len(rows) > len(labels) else ''})")
    if not found:
        return ["", f"confusion: no image was given another class than its own; {where}"]
    shown = found[:LISTED]
    which = f"the {len(shown)} largest of {len(found)}" if len(found) > len(shown) else f"all {len(found)}"
    return ["", f"confusions (truth -> predicted: images), {which}; {where}",
            *columns([["", truth, "->", predicted + ":", count, mark] for count, truth, predicted, mark in shown],
                     right=(4,))]
