"""The Retraining window's verdict shows the p of the test it rests on (the sign-flip test of the box-fit
changes) and names the interval the bootstrap's. Before (thirty-fourth session, after the sign-flip change):
"No clear difference …" beside "95% interval +0.015 to +0.120", an interval clear of 0, read as a
contradiction."""

from __future__ import annotations

from petloc_gui.core.paired_stats import paired_comparison
from petloc_gui.ui.training.comparison_verdict import verdict

N = 20


def _figures():
    return {"accuracy": 1.0, "mean_iou": 0.5, "iou_ge_50": 1.0, "n_images": N}


def test_no_clear_difference_comes_with_the_tests_p():
    # the audit's case: 4 of 20 boxes +0.3, the rest unchanged; all 4 one way comes by chance in 2 of 16 patterns
    paired = paired_comparison([True] * N, [True] * N, [0.5] * N, [0.8] * 4 + [0.5] * (N - 4))
    text = verdict(_figures(), _figures(), paired)
    assert text.startswith(f"No clear difference between the two models on these {N} images")
    assert "(mean IoU change +0.060, sign-flip p 0.125, bootstrap 95% interval +0.015 to +0.120)" in text


def test_a_p_too_small_for_three_decimals_is_said_as_below_one_in_a_thousand():
    paired = paired_comparison([True] * N, [True] * N, [0.5] * N, [0.45] * N)
    assert ", sign-flip p < 0.001, bootstrap 95% interval " in verdict(_figures(), _figures(), paired)


def test_too_few_images_show_neither_p_nor_interval():
    paired = paired_comparison([True] * 2, [True] * 2, [0.98, 0.978], [0.70, 0.722])
    text = verdict(_figures(), _figures(), paired)
    assert "sign-flip" not in text and "interval" not in text
