"""The mean IoU verdict is a paired sign-flip permutation test's, whose size holds on a few dozen images.

Before (thirty-fourth session audit), a mean IoU change was told when its 95% percentile-bootstrap interval
cleared ±`SAME_IOU`: 20 images, 4 of them +0.3, gave "The new model is better on mean IoU, beyond chance"
(interval +0.015 to +0.120) where a split that uneven of 4 changes comes by chance in 2 of 16 sign patterns
(p = 0.125), and on 20 images with a few large changes either way it told a difference 9.4% of the time
against the 5% claimed."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from petloc_gui.core import paired_stats
from petloc_gui.core.paired_stats import ALPHA, BETTER, UNCLEAR, WORSE, paired_comparison, sign_flip_p


def _by_hand(diff):
    """Every sign pattern of the nonzero differences, in plain Python: the share whose |sum| reaches the observed."""
    changed = [d for d in diff if d != 0]
    observed = abs(sum(changed))
    sums = [abs(sum(s * d for s, d in zip(signs, changed, strict=True)))
            for signs in itertools.product((1, -1), repeat=len(changed))]
    return sum(s >= observed - 1e-12 for s in sums) / len(sums)


def _mean_iou(old, new):
    n = len(old)
    return paired_comparison([True] * n, [True] * n, list(old), list(new))


@pytest.mark.parametrize(("n", "gains", "delta", "p"), [
    (20, 4, 0.3, 2 / 16),  # the audit's case: "better, beyond chance" before
    (30, 5, 0.2, 2 / 32),  # "better" before
    (20, 3, 0.3, 2 / 8),
])
def test_a_few_large_gains_among_unchanged_images_are_no_verdict(n, gains, delta, p):
    record = _mean_iou([0.6] * n, [0.6 + delta] * gains + [0.6] * (n - gains))
    assert record["iou"]["p"] == pytest.approx(p)
    assert record["evidence"]["mean_iou"] == UNCLEAR
    # the interval the window shows is still the bootstrap's (clear of 0 on the first two): the verdict no
    # longer rests on it
    assert record["iou"]["interval"][0] >= 0


def test_six_gains_of_six_changed_images_are_beyond_chance():
    # 2 of 64 sign patterns: the fewest changed images that can reach 5%, as for the class's McNemar test
    record = _mean_iou([0.6] * 40, [0.7] * 6 + [0.6] * 34)
    assert record["iou"]["p"] == pytest.approx(2 / 64) and record["evidence"]["mean_iou"] == BETTER
    assert _mean_iou([0.7] * 6 + [0.6] * 34, [0.6] * 40)["evidence"]["mean_iou"] == WORSE


@pytest.mark.parametrize("seed", range(4))
def test_the_exact_p_is_every_sign_pattern_counted(seed):
    rng = np.random.default_rng(seed)
    diff = np.concatenate([rng.normal(0.02, 0.05, 9), np.zeros(5), [0.3, -0.3]])  # ties: 0.3 against -0.3
    assert sign_flip_p(diff) == pytest.approx(_by_hand(diff))


def test_more_changed_images_than_counted_exactly_get_a_stable_random_p(monkeypatch):
    rng = np.random.default_rng(7)
    diff = rng.normal(0.01, 0.05, paired_stats.SIGN_FLIPS_EXACT + 1)
    drawn = sign_flip_p(diff)
    assert sign_flip_p(diff) == drawn  # a fixed seed: the same images give the same verdict
    monkeypatch.setattr(paired_stats, "SIGN_FLIPS_EXACT", len(diff))
    assert drawn == pytest.approx(sign_flip_p(diff), abs=0.01)  # 20,000 draws: error about 0.003 here


def test_a_drawn_p_is_never_zero():
    # 30 gains of 30: the exact p is 2 in 2**30, but 20,000 random patterns can only say "below 1 in 20,001";
    # a p of 0 would claim a certainty no draw gives
    assert sign_flip_p(np.full(30, 0.05)) == pytest.approx(1 / (paired_stats.SIGN_FLIP_DRAWS + 1))


def test_no_change_is_p_one():
    assert sign_flip_p(np.zeros(25)) == 1.0
    assert _mean_iou([0.6] * 25, [0.6] * 25)["iou"]["p"] == 1.0


def test_the_test_holds_its_size_on_sparse_large_changes():
    # 600 null cases: 20 images, about 1 in 5 changing by ±0.3 (either way alike), the rest by noise. So many
    # that chance alone would put a 5% test above the bound in about 1 run in 80 (binomial sd 0.009)
    rng = np.random.default_rng(0)
    told = 0
    for _ in range(600):
        big = rng.random(20) < 0.2
        diff = np.where(big, rng.choice([-0.3, 0.3], 20), rng.normal(0, 0.01, 20))
        told += _mean_iou(np.full(20, 0.6), 0.6 + diff)["evidence"]["mean_iou"] != UNCLEAR
    assert told / 600 <= ALPHA + 0.02, told  # the bootstrap interval told 9.4% of such cases


@pytest.mark.parametrize("seed", range(3))
def test_a_clear_improvement_on_every_image_is_told(seed):
    rng = np.random.default_rng(seed)
    old = rng.uniform(0.5, 0.8, 40)
    new = old + rng.normal(0.05, 0.02, 40)
    assert _mean_iou(old, new)["evidence"]["mean_iou"] == BETTER
    assert _mean_iou(new, old)["evidence"]["mean_iou"] == WORSE


def test_images_that_read_as_the_same_are_no_evidence():
    # 25 images +0.0004 (each "the same" in the window's counts) and 5 at +0.01: 5 of 5 changes up is 2 in 32
    old = [0.6] * 30
    record = _mean_iou(old, [0.6004] * 25 + [0.61] * 5)
    assert record["iou"]["same"] == 25 and record["iou"]["higher"] == 5
    assert record["iou"]["p"] == pytest.approx(2 / 32) and record["evidence"]["mean_iou"] == UNCLEAR


def test_a_mean_change_that_reads_as_none_is_no_verdict_however_uneven():
    # 6 of 6 changes up (p 2/64) but a mean change of +0.00012, +0.000 at the precision shown
    record = _mean_iou([0.8] * 30, [0.8006] * 6 + [0.8] * 24)
    assert record["iou"]["p"] == pytest.approx(2 / 64) and record["evidence"]["mean_iou"] == UNCLEAR
