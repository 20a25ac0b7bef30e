"""`petloc evaluate`'s figures for the ground-truth labels the model does not know.

Each such label has a row in the class table, counted as the rows of the model's classes are: the images
whose truth it is, the object the prediction is matched to (`core.metrics.best_gt_match`, the best-gt rule),
as its confusion row (`evaluate_confusion.unknown_rows`) counts them. The count was once the images holding
the label: an image holding "4" and a small "cat", the model right on its 4, was in row 4 and in row cat,
said "counted as wrong" and scored 0.000 there; the rows added up to more images than were evaluated.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.natural_order import natural_order
from petloc_gui.core.text import counted, isolated

if TYPE_CHECKING:
    from petloc_gui.core.metrics import GtMatch

# --json: {label the model does not know: {"count", "accuracy", "mean_iou"}}, as ``per_class`` gives its classes
KEY = "unknown_per_class"
# --json: {label the model does not know: how many evaluated images hold it}, whatever their truth
HELD_KEY = "unknown_labels_held"


@dataclass(frozen=True)
class UnknownLabels:
    """The labels of the evaluated images' objects that are none of the model's classes."""

    figures: dict[str, dict[str, Any]]  # by label, sorted: count (images whose truth it is), accuracy, mean_iou
    held: dict[str, int]  # by label, sorted: images holding it
    n_beside_known: int  # images holding one whose truth is a class of the model's (in that class's row)
    n_cannot_be_right: int  # images holding no class of the model's (`class_renames.cannot_be_right`)

    @property
    def counts(self) -> dict[str, int]:
        """{label: images whose truth it is}: its row's count (--json ``unknown_labels``)."""
        return {label: figures["count"] for label, figures in self.figures.items()}

    def __bool__(self) -> bool:
        return bool(self.held)


def unknown_labels(evaluated: Sequence[tuple[Path, Any, Any]], class_names: Collection[str],
                   matches: Sequence[GtMatch] | None = None) -> UnknownLabels:
    """The figures of each label of ``evaluated``'s objects ([(image, [(label, box)], Prediction)]) outside
    ``class_names``, from each image's match (``matches[i]`` image i's, `core.metrics.match_each`; matched
    here when not given), by `core.metrics.figures_by_truth`, as the rows of the model's classes are."""
    from petloc_gui.core.metrics import figures_by_truth
    from petloc_gui.model.class_renames import cannot_be_right  # no TensorFlow

    if matches is None:
        matches = matches_of(evaluated)
    known = set(class_names)
    held: dict[str, int] = {}
    beside_known = cannot = 0
    for (_, objects, _), match in zip(evaluated, matches, strict=True):
        labels = {name for name, _ in objects}
        outside = labels - known
        if not outside:
            continue
        for label in outside:
            held[label] = held.get(label, 0) + 1
        cannot += cannot_be_right(labels, known)
        if match.label is None or match.label not in outside:
            beside_known += 1
    # computed, not written as 0: an image's truth is a label the model does not know only when none of its
    # objects has the predicted class (the model predicts only its own), so each is wrong with IoU 0
    figures = figures_by_truth(matches, sorted(held))
    return UnknownLabels(figures, dict(sorted(held.items())), beside_known, cannot)


def matches_of(evaluated: Sequence[tuple[Path, Any, Any]]) -> list[GtMatch]:
    """Each of ``evaluated``'s images ([(image, [(label, box)], Prediction)]) matched to its prediction
    (`core.metrics.match_each`): for a caller that has not matched them already."""
    from petloc_gui.core.metrics import match_each

    return match_each([objects for _, objects, _ in evaluated], [p.label for _, _, p in evaluated],
                      [p.box for _, _, p in evaluated])


def unknown_labels_report(unknown: UnknownLabels) -> dict[str, Any]:
    """The --json keys beside ``unknown_labels`` (`KEY`'s figures rounded as ``per_class``'s are)."""
    from petloc_gui.cli.output import finite

    return {KEY: {label: {"count": figures["count"], "accuracy": finite(figures["accuracy"]),
                          "mean_iou": finite(figures["mean_iou"])} for label, figures in unknown.figures.items()},
            HELD_KEY: dict(unknown.held)}


def unknown_line(unknown: UnknownLabels, hints: Sequence[str]) -> str:
    """The stderr line naming the labels the model does not know, each with its row's count (in natural
    order, as the table lists them); how many of the images counted could have been right (they hold a class
    of the model's too) and how many cannot (`class_renames.cannot_be_right`); how many more hold one beside
    the known object they were scored against; then ``hints``. Each name `isolated`, for `error`'s
    ``names_isolated``."""
    counts = unknown.counts
    # escaped: error() collapses whitespace, which showed the label "line\nbreak" as "line break", none;
    # set apart (the spelling hint sets its names apart too): a Hebrew label moved the commas and counts around it
    # a label no image was scored by (each one beside a known object it was scored against) is not "counted
    # as wrong": "rabbit (0)" under that heading read as a wrong answer where none was given
    wrong = [name for name in natural_order(counts) if counts[name]]
    beside_only = ", ".join(isolated(name) for name in natural_order(counts) if not counts[name])
    listed = ", ".join(f"{isolated(name)} ({counts[name]})" for name in wrong)
    notes = []
    total = sum(counts.values())
    cannot = unknown.n_cannot_be_right
    could = total - cannot  # images it counted that hold a class the model knows too
    if could:
        # where every one holds none (a class renamed since the model trained), "counted as wrong" says it all
        notes.append(f"{could} of these {counted(total, 'image')} {_verb(could, 'holds', 'hold')} a class the model "
                     "knows too (the model named a class none of its objects has)")
        if cannot:
            notes.append(f"{cannot} {_verb(cannot, 'holds', 'hold')} none ({_verb(cannot, 'it', 'they')} cannot "
                         "be right)")
    if unknown.n_beside_known:
        only_there = f" ({beside_only}: only there)" if wrong and beside_only else ""
        notes.append(f"{counted(unknown.n_beside_known, 'more image' if wrong else 'image')} "
                     f"{_verb(unknown.n_beside_known, 'holds', 'hold')} one beside an object of a class the model "
                     f"knows, scored against that object (best-gt), in its class's row{only_there}")
    head = f", counted as wrong: {listed}" if wrong else f": {beside_only}"
    return f"labels the model does not know{head}" + "".join(f"; {n}" for n in [*notes, *hints])


def _verb(n: int, one: str, more: str) -> str:
    return one if n == 1 else more
