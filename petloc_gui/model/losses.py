"""Box losses on normalised ``[xmin, ymin, xmax, ymax]``: GIoU + L1.

MSE on coordinates (the seeds' choice) barely cares about a 2-pixel miss on
a small box; an IoU-based loss is scale-aware and matches the metric, and
the L1 term keeps gradients useful while boxes do not overlap yet.
"""

from __future__ import annotations

from collections.abc import Callable

from keras import ops

from petloc_gui.model.networks import cell_centres
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


def centre_target(y_true: Tensor, rows: int, cols: int, min_sigma: float = 0.6) -> Tensor:
    """Per row, a distribution over the cells (row-major): a Gaussian at the true box's centre.

    Its spread is a sixth of the box's side in cells (at least ``min_sigma``
    cells), so a large head tolerates a peak a cell away and a small one does not.
    """
    cells = cell_centres(rows, cols)
    cells_x, cells_y = cells[None, :, 0], cells[None, :, 1]
    centre_x = (y_true[:, 0:1] + y_true[:, 2:3]) / 2
    centre_y = (y_true[:, 1:2] + y_true[:, 3:4]) / 2
    sigma_x = ops.maximum(ops.abs(y_true[:, 2:3] - y_true[:, 0:1]) / 6, min_sigma / cols)
    sigma_y = ops.maximum(ops.abs(y_true[:, 3:4] - y_true[:, 1:2]) / 6, min_sigma / rows)
    logits = -(((cells_x - centre_x) / sigma_x) ** 2 + ((cells_y - centre_y) / sigma_y) ** 2) / 2
    return ops.softmax(logits, axis=-1)


def heat_loss(rows: int, cols: int) -> Callable[[Tensor, Tensor], Tensor]:
    """Cross-entropy between the heatmap's softmax over cells and `centre_target`.

    ``y_true`` is the box (the same target as the box loss); Keras loss signature, per row.
    """
    def loss(y_true: Tensor, y_pred: Tensor) -> Tensor:
        target = centre_target(ops.cast(y_true, y_pred.dtype), rows, cols)
        return -ops.sum(target * ops.log_softmax(y_pred, axis=-1), axis=-1)

    return loss


def vote_loss(rows: int, cols: int) -> Callable[[Tensor, Tensor], Tensor]:
    """`box_loss` of each cell's box vote, weighted by `centre_target`: the cells around the
    true centre learn to vote for the true box (whichever of them the heatmap's peak is)."""
    def loss(y_true: Tensor, y_pred: Tensor) -> Tensor:
        y_true = ops.cast(y_true, y_pred.dtype)
        target = centre_target(y_true, rows, cols)
        n_cells = rows * cols
        flat_pred = ops.reshape(y_pred, (-1, 4))
        flat_true = ops.reshape(ops.repeat(y_true[:, None, :], n_cells, axis=1), (-1, 4))
        per_cell = ops.reshape(box_loss(flat_true, flat_pred), (-1, n_cells))
        return ops.sum(target * per_cell, axis=-1)

    return loss
