"""Box losses on normalised ``[xmin, ymin, xmax, ymax]``: GIoU + L1.

MSE on coordinates (the seeds' choice) barely cares about a 2-pixel miss on
a small box; an IoU-based loss is scale-aware and matches the metric, and
the L1 term keeps gradients useful while boxes do not overlap yet.
"""

from __future__ import annotations

from keras import ops

from petloc_gui.model.untyped import Tensor

L1_WEIGHT = 5.0
_EPS = 1e-7


def _sorted_corners(box: Tensor) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """Per-row corners with min <= max, so an inverted prediction still has an area."""
    x1 = ops.minimum(box[:, 0], box[:, 2])
    x2 = ops.maximum(box[:, 0], box[:, 2])
    y1 = ops.minimum(box[:, 1], box[:, 3])
    y2 = ops.maximum(box[:, 1], box[:, 3])
    return x1, y1, x2, y2


def giou(y_true: Tensor, y_pred: Tensor) -> Tensor:
    """Generalised IoU per row (in [-1, 1])."""
    tx1, ty1, tx2, ty2 = _sorted_corners(y_true)
    px1, py1, px2, py2 = _sorted_corners(y_pred)
    iw = ops.maximum(ops.minimum(tx2, px2) - ops.maximum(tx1, px1), 0.0)
    ih = ops.maximum(ops.minimum(ty2, py2) - ops.maximum(ty1, py1), 0.0)
    inter = iw * ih
    union = (tx2 - tx1) * (ty2 - ty1) + (px2 - px1) * (py2 - py1) - inter
    iou = inter / (union + _EPS)
    enclosing = (ops.maximum(tx2, px2) - ops.minimum(tx1, px1)) * (
        ops.maximum(ty2, py2) - ops.minimum(ty1, py1)
    )
    return iou - (enclosing - union) / (enclosing + _EPS)


def box_loss(y_true: Tensor, y_pred: Tensor) -> Tensor:
    """Per-row ``(1 - GIoU) + L1_WEIGHT * mean |error|`` (Keras loss signature)."""
    y_true = ops.cast(y_true, y_pred.dtype)
    l1 = ops.mean(ops.abs(y_true - y_pred), axis=-1)
    return (1.0 - giou(y_true, y_pred)) + L1_WEIGHT * l1
