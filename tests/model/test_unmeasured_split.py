"""A run that kept its last epoch without figures says why in meta.json's split: no validation image
was held out, or none of those held out could be read. Before, both read "none (no readable validation
images)"."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

pytest.importorskip("keras")

from petloc_gui.app.model_metrics import metrics_text, not_measured
from petloc_gui.model import networks
from petloc_gui.model.presets import DIGITS
from petloc_gui.model.training_loop import (
    NONE_HELD_OUT_SPLIT,
    NONE_READABLE_SPLIT,
    EpochMonitor,
    ValidationSet,
)


class _Unreadable(EpochMonitor):
    def validate(self, images: Any = None) -> dict[str, Any] | None:
        return None  # what validate returns when none of the images could be read


def _kept_split(monitor_class: type[EpochMonitor], validation: ValidationSet | None) -> dict[str, Any]:
    monitor = monitor_class(networks.build_model(DIGITS, 3), ["a", "b", "c"], validation, 1.0, epochs=1, steps=1,
                            patience=1, emit=lambda event: None, stop=lambda: False)
    monitor._validate_and_keep(0, {})
    return monitor.restore_best()


def test_none_held_out_and_none_readable_are_told_apart():
    held_out_none = _kept_split(EpochMonitor, None)
    validation = ValidationSet(batches=lambda: iter(()), label_ids=np.zeros(2, int), boxes=[(0, 0, 1, 1)] * 2,
                               sizes=[(75, 75)] * 2, targets=np.zeros((2, 4), np.float32))
    unreadable = _kept_split(_Unreadable, validation)
    assert held_out_none["split"] == NONE_HELD_OUT_SPLIT == "none (no validation images held out)"
    assert unreadable["split"] == NONE_READABLE_SPLIT == "none (no readable validation images)"
    # the window and `petloc models` read both as not measured, and say which by the held-out count
    for record, held_out, said in ((held_out_none, 0, "no validation images"),
                                   (unreadable, 2, "none of its 2 validation images could be read")):
        assert not_measured(record)
        assert metrics_text(record, "validation", held_out) == f"{said}: figures not measured"
