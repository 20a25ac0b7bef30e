"""A row's status alone does not match its boxes with its prediction again.

The opening scan sets each row's boxes, then its status: each cost a `core.metrics.best_gt_match`, twice
what the IoU column needs (the boxes and the prediction decide it), in the chunks of the scan that landed
in the pass of Start training on a 20,000-image folder (some 200 matches per chunk instead of 100).
"""

from __future__ import annotations

import pytest

from petloc_gui.app.image_document import STATUS_ANNOTATED
from petloc_gui.core.boxes import Box
from petloc_gui.core.metrics import best_gt_match
from petloc_gui.ui.review import file_list
from petloc_gui.ui.review.file_list import FileListModel


def test_a_status_alone_does_not_match_the_boxes_again(qapp, monkeypatch):
    """The opening scan sets a row's boxes and then its status: only the boxes (or a prediction) change the
    IoU, so the status costs no second `best_gt_match` (half of those of a scan chunk)."""
    model = FileListModel(["a.png"], [True])
    model.set_prediction(0, "cat", 0.9, Box(0, 0, 10, 10))
    matched: list[int] = []
    monkeypatch.setattr(file_list, "best_gt_match", lambda *args: matched.append(1) or best_gt_match(*args))
    model.set_ground_truth(0, "cat", Box(0, 0, 10, 20), False, emit=False)
    assert len(matched) == 1 and model.iou[0] == pytest.approx(0.5)
    model.set_status(0, STATUS_ANNOTATED, emit=False)
    model.set_prediction_error(0, None)
    model.set_gone({0})
    assert len(matched) == 1 and model.iou[0] == pytest.approx(0.5)
