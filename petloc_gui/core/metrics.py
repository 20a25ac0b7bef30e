"""Honest per-image metrics for one-box-one-class models.

Every figure is computed per image and then averaged: no batch-level sums of
intersections and unions, and a box that misses counts as IoU 0 (it is never
dropped). Boxes are ``[xmin, ymin, xmax, ymax]`` in the same coordinate frame
for ground truth and prediction.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def evaluate(
    gt_labels: Sequence[str],
    gt_boxes: Sequence[Any],
    pred_labels: Sequence[str],
    pred_boxes: Sequence[Any],
    class_names: Sequence[str],
) -> dict:
    """Accuracy, IoU statistics, per-class figures and the confusion matrix.

    Confusion rows are ground truth, columns predictions, both in
    ``class_names`` order. A label outside ``class_names`` (ground truth the
    model does not know) counts as wrong and is left out of the matrix.
    """
    n = len(gt_labels)
    if not (len(gt_boxes) == len(pred_labels) == len(pred_boxes) == n):
        raise ValueError("gt_labels, gt_boxes, pred_labels and pred_boxes differ in length")
    names = list(class_names)
    index = {name: i for i, name in enumerate(names)}
    ious = per_image_iou(gt_boxes, pred_boxes) if n else np.zeros(0)
    correct = np.array([g == p for g, p in zip(gt_labels, pred_labels, strict=True)], dtype=bool)
    confusion = [[0] * len(names) for _ in names]
    for g, p in zip(gt_labels, pred_labels, strict=True):
        if g in index and p in index:
            confusion[index[g]][index[p]] += 1
    per_class = {}
    for name in names:
        mask = np.array([g == name for g in gt_labels], dtype=bool)
        count = int(mask.sum())
        per_class[name] = {
            "count": count,
            "accuracy": float(correct[mask].mean()) if count else None,
            "mean_iou": float(ious[mask].mean()) if count else None,
        }

    def _mean(values: np.ndarray) -> float | None:
        return float(values.mean()) if n else None

    return {
        "n_images": n,
        "accuracy": _mean(correct.astype(np.float64)),
        "mean_iou": _mean(ious),
        "median_iou": float(np.median(ious)) if n else None,
        "iou_ge_50": _mean((ious >= 0.5).astype(np.float64)),
        "iou_ge_75": _mean((ious >= 0.75).astype(np.float64)),
        "per_class": per_class,
        "confusion": confusion,
        "class_names": names,
    }


def evaluate_predictions(
    gt_labels: Sequence[str],
    gt_boxes: Sequence[Any],
    predictions: Sequence[Any],
    class_names: Sequence[str],
) -> dict:
    """`evaluate` for objects with ``.label`` and ``.box`` (model.inference.Prediction)."""
    return evaluate(
        gt_labels,
        gt_boxes,
        [p.label for p in predictions],
        [p.box for p in predictions],
        class_names,
    )
