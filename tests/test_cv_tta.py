"""Flip test-time augmentation out of fold (benchmarks/cv_tta.py): the mirrored box's mapping."""

from __future__ import annotations

import numpy as np

from tests.benchmark_modules import load_benchmark

cv_tta = load_benchmark("cv_tta")


def test_a_box_found_on_the_mirror_image_maps_back_to_the_same_place_on_the_photo():
    photo = np.zeros((40, 100), np.uint8)
    photo[10:20, 10:30] = 1  # x 0.1 .. 0.3 of the width, y 0.25 .. 0.5 of the height
    mirror = photo[:, ::-1]
    ys, xs = np.nonzero(mirror)
    on_mirror = np.array([[xs.min() / 100, ys.min() / 40, (xs.max() + 1) / 100, (ys.max() + 1) / 40]])
    np.testing.assert_allclose(cv_tta.mirrored(on_mirror), [[0.1, 0.25, 0.3, 0.5]])
    np.testing.assert_allclose(cv_tta.mirrored(cv_tta.mirrored(on_mirror)), on_mirror)
