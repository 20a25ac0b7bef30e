"""The heatmap's peaks of benchmarks/cv_second_peak.py (a diagnostic's pure part)."""

from __future__ import annotations

import numpy as np

from tests.benchmark_modules import load_benchmark

cv_second_peak = load_benchmark("cv_second_peak")


def test_heat_peaks_are_local_maxima_highest_first_not_the_neighbours_of_the_highest():
    heat = np.zeros((6, 7))
    heat[1, 1], heat[1, 2] = 5.0, 4.9  # a peak and its shoulder (not a peak)
    heat[4, 5] = 3.0
    heat[5, 0] = 1.0  # a corner peak: the border counts as lower
    peaks = cv_second_peak.heat_peaks(heat, 3)
    assert [divmod(int(p), 7) for p in peaks] == [(1, 1), (4, 5), (5, 0)]


def test_heat_peaks_gives_fewer_when_the_map_has_fewer():
    heat = np.arange(12, dtype=float).reshape(3, 4)  # one maximum, in the last cell
    assert cv_second_peak.heat_peaks(heat, 4).tolist() == [11]
