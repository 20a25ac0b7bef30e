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

