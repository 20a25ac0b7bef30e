"""A model whose output is NaN (diverged training, a broken file) gives no prediction, not class 0."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from petloc_gui.model.inference import Predictor


def test_a_nan_output_is_no_prediction():
    owner = SimpleNamespace(class_names=["0", "1", "2"])
    probs = np.array([[np.nan, np.nan, np.nan], [0.1, 0.7, 0.2], [0.2, np.nan, 0.8]], np.float32)
    boxes = np.array([[np.nan] * 4, [0.25, 0.25, 0.75, 0.75], [0.1, 0.1, 0.5, 0.5]], np.float32)
    none, good, partly = Predictor.to_predictions(owner, probs, boxes, [(40, 20)] * 3)
    for broken in (none, partly):
        assert not broken.has_class and broken.label == ""
        assert math.isnan(broken.confidence) and all(math.isnan(v) for v in broken.box.as_tuple())
    assert good.has_class and good.label == "1" and good.box.as_tuple() == (10, 5, 30, 15)
    [box_only] = Predictor.to_predictions(owner, np.array([[0.1, 0.8, 0.1]], np.float32),
                                          np.array([[0.1, np.nan, 0.5, 0.5]], np.float32), [(40, 20)])
    assert not box_only.has_class  # a diverged box head: no box to draw, accept or write
