"""The paired comparison of two models (benchmarks/paired_compare.py): its exact McNemar p."""

from __future__ import annotations

import numpy as np
import pytest

from tests.benchmark_modules import load_benchmark

paired_compare = load_benchmark("paired_compare")


@pytest.mark.parametrize(("only_a", "only_b", "p"), [
    (9, 1, 22 / 1024),  # 2 * P(X <= 1), X ~ Binomial(10, 1/2)
    (1, 9, 22 / 1024),  # symmetric
    (5, 5, 1.0),  # an even split is no evidence (capped at 1)
    (0, 0, 1.0),  # no image told them apart
    (0, 6, 2 / 64),
])
def test_mcnemar_p_is_the_exact_binomial_tail(only_a, only_b, p):
    assert paired_compare.mcnemar_p(only_a, only_b) == pytest.approx(p)


def test_bootstrap_interval_brackets_the_mean_difference_and_narrows_with_more_images():
    rng = np.random.default_rng(1)
    few, many = rng.normal(0.02, 0.1, 50), rng.normal(0.02, 0.1, 2000)
    low, high = paired_compare.bootstrap_interval(few)
    assert low < few.mean() < high
    low_many, high_many = paired_compare.bootstrap_interval(many)
    assert low_many < 0.02 < high_many
    assert high_many - low_many < (high - low) / 3
    assert paired_compare.bootstrap_interval(np.full(30, 0.05)) == pytest.approx((0.05, 0.05))


def test_the_mean_iou_change_is_printed_with_the_sign_flip_p(monkeypatch, capsys):
    # 20 images, 4 of them +0.3 for B: the window's "no clear difference" (p 2/16), its interval clear of 0
    images = [f"{i}.png" for i in range(20)]
    ious = {"a": np.full(20, 0.5), "b": np.array([0.8] * 4 + [0.5] * 16)}
    monkeypatch.setattr(paired_compare, "per_image", lambda spec, data, label: (images, np.ones(20, bool), ious[spec]))
    assert paired_compare.main(["a", "b", "data"]) == 0
    out = capsys.readouterr().out
    assert "mean IoU B - A: +0.0600 (sign-flip p = 0.125; 95% bootstrap interval +0.0150 .. +0.1200)" in out
    assert '"mean_iou_sign_flip_p": 0.125' in out
