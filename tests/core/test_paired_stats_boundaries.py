"""The paired comparison's documented boundaries, pinned on values worked out by hand (`core.paired_stats`):
an IoU change under `SAME_IOU` is "the same" either way and one of exactly `SAME_IOU` is a change; a box that
reaches IoU 0.5 exactly is gained at 0.5; the sign-flip p is exact (every pattern counted) up to 16 changed
images and counts a pattern whose sum ties the observed one in exact arithmetic whatever its last bits."""

from __future__ import annotations

import itertools
from fractions import Fraction
from math import comb

from petloc_gui.core.paired_stats import BETTER, paired_comparison, sign_flip_p


def _all_right(old_iou, new_iou):
    n = len(old_iou)
    return paired_comparison([True] * n, [True] * n, list(old_iou), list(new_iou))


def test_an_iou_drop_smaller_than_same_iou_reads_as_the_same_not_lower():
    # 10 of 20 boxes move 0.8 -> 0.7999: a drop of 0.0001, under SAME_IOU (0.0005), so no image is lower
    record = _all_right([0.8] * 20, [0.7999] * 10 + [0.8] * 10)["iou"]
    assert (record["higher"], record["lower"], record["same"]) == (0, 0, 20)


def test_a_change_of_exactly_same_iou_is_a_change_either_way():
    # 0.0005 - 0 and 0 - 0.0005 are exactly +-SAME_IOU in floats: "smaller than SAME_IOU" is the same, this is not
    record = _all_right([0.0] * 3 + [0.0005] * 2 + [0.3] * 15, [0.0005] * 3 + [0.0] * 2 + [0.3] * 15)["iou"]
    assert (record["higher"], record["lower"], record["same"]) == (3, 2, 15)


def test_a_box_reaching_iou_exactly_half_is_gained_at_half():
    record = _all_right([0.4] * 20, [0.5] * 20)
    assert record["iou_ge_50"]["gained"] == 20 and record["iou_ge_50"]["lost"] == 0
    assert record["iou_ge_50"]["p"] == 2 / 2**20  # exact McNemar: both all-one-way splits of 20
    assert record["evidence"]["iou_ge_50"] == BETTER


def test_a_box_falling_from_exactly_half_is_lost():
    record = _all_right([0.5] * 20, [0.4] * 20)["iou_ge_50"]
    assert (record["gained"], record["lost"]) == (0, 20)


def _tenths_p(tenths):
    """The sign-flip p of differences given in tenths, by enumerating every sign pattern in integers (no ties
    blurred by floats)."""
    observed = abs(sum(tenths))
    hits = sum(abs(sum(s * t for s, t in zip(signs, tenths, strict=True))) >= observed
               for signs in itertools.product((1, -1), repeat=len(tenths)))
    return Fraction(hits, 2 ** len(tenths))


def test_a_sign_pattern_tying_the_observed_sum_counts_though_floats_put_it_a_hair_short():
    # 0.3 + 0.3 - 0.3 + 0.1 + 0.2 + 0.1 = 0.7; patterns reaching |0.7| by hand: 20 of 64
    tenths = [3, 3, -3, 1, 2, 1]
    assert _tenths_p(tenths) == Fraction(20, 64) == Fraction(5, 16)
    assert sign_flip_p([t / 10 for t in tenths]) == 0.3125


def test_sixteen_changed_images_get_the_exact_p():
    # 12 up by 0.05 and 4 down: observed sum 8 steps; a pattern reaches it when 4 or fewer, or 12 or more, of the
    # 16 keep a + sign: 2 * (C(16,0) + ... + C(16,4)) = 2 * 2517 of 65,536 patterns
    hits = 2 * sum(comb(16, j) for j in range(5))
    assert hits == 5034
    assert sign_flip_p([0.05] * 12 + [-0.05] * 4) == hits / 2**16
