"""`bootstrap_interval` held all 10,000 x n resampled indices at once (10,000 paired images: 1.6 GB at
the end of a retrain); it resamples a block of rows at a time now, drawing the same numbers."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from petloc_gui.core import paired_stats


def _all_at_once(diff, resamples=paired_stats.RESAMPLES):
    rng = np.random.default_rng(0)
    resampled = diff[rng.integers(0, len(diff), (resamples, len(diff)))].mean(axis=1)
    low, high = np.percentile(resampled, [2.5, 97.5])
    return float(low), float(high)


@pytest.mark.parametrize("n", [1, 7, 33, 999])
def test_blocks_give_the_interval_one_draw_gives(n, monkeypatch):
    monkeypatch.setattr(paired_stats, "CHUNK_VALUES", 5_000)  # several blocks, an uneven last one
    diff = np.random.default_rng(n).normal(size=n)
    assert paired_stats.bootstrap_interval(diff) == _all_at_once(diff)


def test_memory_stays_bounded_on_many_images():
    diff = np.random.default_rng(1).normal(size=5_000)
    tracemalloc.start()
    paired_stats.bootstrap_interval(diff)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 60e6, peak  # all at once: 10,000 x 5,000 int64 indices alone are 400 MB
