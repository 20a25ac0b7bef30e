"""Honest per-image metrics for one-box-one-class models.

Every figure is computed per image and then averaged: no batch-level sums of
intersections and unions, and a box that misses counts as IoU 0 (it is never
dropped). Boxes are ``[xmin, ymin, xmax, ymax]`` in the same coordinate frame
for ground truth and prediction.

Matching rule (`MATCHING` = "best-gt", the ILSVRC localisation convention):
a photo may hold several ground-truth objects; its one predicted box is
scored against the ground-truth object *of the predicted class* with the
highest IoU. A photo whose objects are all of another class scores IoU 0,
against (and with the label of) the object its box overlaps most. With one
object per photo this means: the box's IoU when the class is right, 0 when
it is wrong. `best_gt_match` is the one implementation; `petloc evaluate`,
training validation and the GUI's IoU column and review queue all use it.
`class_blind_figures` scores the box alone (against the object it overlaps
most, whatever its class): the rule the bundled digits figures were first
recorded by (meta.json ``ignoring_class``), which `petloc evaluate` gives
beside the best-gt figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from petloc_gui.core.boxes import iou_arrays


def _as_box_array(boxes: Sequence[Any]) -> np.ndarray:
    """N x 4 float64 array from Box objects or 4-sequences."""
    rows: list[tuple[float, ...]] = []
    for box in boxes:
        if hasattr(box, "xmin"):
            rows.append((box.xmin, box.ymin, box.xmax, box.ymax))
        else:
            rows.append(tuple(float(v) for v in box))
    return np.asarray(rows, dtype=np.float64).reshape(-1, 4)


def per_image_iou(gt_boxes: Sequence[Any], pred_boxes: Sequence[Any]) -> np.ndarray:
    """IoU of each (ground truth, prediction) pair; degenerate boxes give 0."""
    a = _as_box_array(gt_boxes)
    b = _as_box_array(pred_boxes)
    if a.shape != b.shape:
        raise ValueError(f"{len(a)} ground-truth boxes but {len(b)} predicted boxes")
    return iou_arrays(a, b)


MATCHING = "best-gt"


@dataclass(frozen=True)
class GtMatch:
    """The ground-truth object one prediction is scored against (`best_gt_match`)."""

    index: int | None  # into the photo's objects; None when it has none
    label: str | None
    iou: float  # 0 when no object has the predicted class
    same_class: bool


def best_gt_match(objects: Sequence[tuple[str, Any]], pred_label: str | None, pred_box: Any) -> GtMatch:
    """Match one predicted (label, box) to a photo's ground-truth ``objects`` [(label, box), ...].

    The object of the predicted class with the highest IoU; when no object
    has that class, the object with the highest IoU, scored IoU 0 (see the
    module docstring). Ties go to the first object.
    """
    if not objects:
        return GtMatch(None, None, 0.0, False)
    pred = _as_box_array([pred_box])
    ious = iou_arrays(_as_box_array([box for _, box in objects]), np.repeat(pred, len(objects), axis=0))
    same = [i for i, (label, _) in enumerate(objects) if label == pred_label]
    if same:
        best = max(same, key=lambda i: (ious[i], -i))
        return GtMatch(best, str(objects[best][0]), float(ious[best]), True)
    best = int(np.argmax(ious))
    return GtMatch(best, str(objects[best][0]), 0.0, False)


def evaluate(
    gt_labels: Sequence[str],
    gt_boxes: Sequence[Any],
    pred_labels: Sequence[str],
    pred_boxes: Sequence[Any],
    class_names: Sequence[str],
) -> dict:
    """`evaluate_objects` for photos with one ground-truth object each."""
    n = len(gt_labels)
    if not (len(gt_boxes) == len(pred_labels) == len(pred_boxes) == n):
        raise ValueError("gt_labels, gt_boxes, pred_labels and pred_boxes differ in length")
    return evaluate_objects([[(label, box)] for label, box in zip(gt_labels, gt_boxes, strict=True)],
                            pred_labels, pred_boxes,
                            class_names)


def evaluate_objects(
    gt_objects: Sequence[Sequence[tuple[str, Any]]],
    pred_labels: Sequence[str],
    pred_boxes: Sequence[Any],
    class_names: Sequence[str],
) -> dict:
    """Accuracy, IoU statistics, per-class figures and the confusion matrix (`figures_of` the photos'
    `match_each`).

    ``gt_objects[i]``: the (label, box) objects of photo i, matched to its
    prediction by `best_gt_match`; the matched object's label is the photo's
    truth (a prediction is correct when some object has its class).
    """
    return figures_of(match_each(gt_objects, pred_labels, pred_boxes), pred_labels, class_names)


def match_each(
    gt_objects: Sequence[Sequence[tuple[str, Any]]],
    pred_labels: Sequence[str],
    pred_boxes: Sequence[Any],
) -> list[GtMatch]:
    """Each photo's `best_gt_match`: ``gt_objects[i]`` (its (label, box) objects, at least one) against
    prediction i. Matched once, a run counts all its figures from these (`figures_of`)."""
    n = len(gt_objects)
    if not (len(pred_labels) == len(pred_boxes) == n):
        raise ValueError("gt_objects, pred_labels and pred_boxes differ in length")
    if any(not objects for objects in gt_objects):
        raise ValueError("every photo needs at least one ground-truth object")
    return [best_gt_match(objects, label, box)
            for objects, label, box in zip(gt_objects, pred_labels, pred_boxes, strict=True)]


def figures_of(matches: Sequence[GtMatch], pred_labels: Sequence[str], class_names: Sequence[str]) -> dict:
    """`evaluate_objects`' figures of photos matched by `match_each` (``matches[i]`` photo i's, predicted
    ``pred_labels[i]``).

    Confusion rows are ground truth, columns predictions, both in
    ``class_names`` order. A label outside ``class_names`` (ground truth the
    model does not know) counts as wrong and is left out of the matrix.
    """
    n = len(matches)
    if len(pred_labels) != n:
        raise ValueError("matches and pred_labels differ in length")
    names = list(class_names)
    index = {name: i for i, name in enumerate(names)}
    ious = np.array([m.iou for m in matches], dtype=np.float64)
    correct = np.array([m.same_class for m in matches], dtype=bool)
    confusion = [[0] * len(names) for _ in names]
    for m, p in zip(matches, pred_labels, strict=True):
        if m.label in index and p in index:
            confusion[index[m.label]][index[p]] += 1

    def _mean(values: np.ndarray) -> float | None:
        return float(values.mean()) if n else None

    return {
        "n_images": n,
        "accuracy": _mean(correct.astype(np.float64)),
        "mean_iou": _mean(ious),
        "median_iou": float(np.median(ious)) if n else None,
        "iou_ge_50": _mean((ious >= 0.5).astype(np.float64)),
        "iou_ge_75": _mean((ious >= 0.75).astype(np.float64)),
        "per_class": figures_by_truth(matches, names),
        "confusion": confusion,
        "class_names": names,
        "matching": MATCHING,
    }


def figures_by_truth(matches: Sequence[GtMatch], labels: Sequence[str]) -> dict[str, dict[str, Any]]:
    """{label: {"count", "accuracy", "mean_iou"}} over the photos whose truth (matched object's label) each of
    ``labels`` is; None figures for a label that is no photo's truth."""
    truths = [m.label for m in matches]
    ious = np.array([m.iou for m in matches], dtype=np.float64)
    correct = np.array([m.same_class for m in matches], dtype=bool)
    figures = {}
    for label in labels:
        mask = np.array([truth == label for truth in truths], dtype=bool)
        count = int(mask.sum())
        figures[label] = {
            "count": count,
            "accuracy": float(correct[mask].mean()) if count else None,
            "mean_iou": float(ious[mask].mean()) if count else None,
        }
    return figures



# the keys of `class_blind_figures`, as the bundled digits meta.json's ``ignoring_class`` records them
CLASS_BLIND_KEYS = ("mean_iou", "median_iou", "iou_ge_50", "iou_ge_75")


def class_blind_iou(objects: Sequence[tuple[str, Any]], pred_box: Any) -> float:
    """The IoU of ``pred_box`` with the object of ``objects`` [(label, box), ...] it overlaps most, whatever
    its class (0 with no object; a NaN box scores 0): the box alone, as the figures recorded before best-gt
    scored it (on one object a photo, that object's IoU)."""
    if not objects:
        return 0.0
    return float(per_image_iou([box for _, box in objects], [pred_box] * len(objects)).max())


def class_blind_figures(gt_objects: Sequence[Sequence[tuple[str, Any]]], pred_boxes: Sequence[Any]) -> dict:
    """The IoU figures of `evaluate_objects` with each photo's box scored by `class_blind_iou` (the class
    ignored: a box on the right object scores its IoU under a wrong label too); None each with no photo."""
    if len(gt_objects) != len(pred_boxes):
        raise ValueError("gt_objects and pred_boxes differ in length")
    ious = np.array([class_blind_iou(objects, box) for objects, box in zip(gt_objects, pred_boxes, strict=True)],
                    dtype=np.float64)
    if not len(ious):
        return dict.fromkeys(CLASS_BLIND_KEYS)
    return {"mean_iou": float(ious.mean()), "median_iou": float(np.median(ious)),
            "iou_ge_50": float((ious >= 0.5).mean()), "iou_ge_75": float((ious >= 0.75).mean())}
