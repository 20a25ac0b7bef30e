"""An image given as an array is prepared by the rules a file of the same pixels follows."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.images import load_image
from petloc_gui.model.prepare import as_rgb, network_input

RNG = np.random.default_rng(7)
GRAY8 = RNG.integers(0, 256, (6, 5), dtype=np.uint8)
RGB8 = RNG.integers(0, 256, (6, 5, 3), dtype=np.uint8)
ALPHA = np.where(RNG.random((6, 5)) < 0.5, 0, RNG.integers(1, 256, (6, 5))).astype(np.uint8)


@pytest.mark.parametrize(("name", "array", "suffix"), [
    ("16-bit gray", GRAY8.astype(np.uint16) * 257 + 100, "png"),
    ("float gray 0..1", GRAY8.astype(np.float32) / 255, "tif"),
    ("float gray 0..255", GRAY8.astype(np.float32), "tif"),
    ("RGBA", np.dstack([RGB8, ALPHA]), "png"),
    ("gray + alpha", np.dstack([GRAY8, ALPHA]), "png"),
    ("RGBA alpha zero everywhere", np.dstack([RGB8, np.zeros_like(ALPHA)]), "png"),
    ("gray", GRAY8, "png"),
])
def test_an_array_gives_what_the_same_pixels_in_a_file_give(tmp_path, name, array, suffix):
    path = tmp_path / f"same.{suffix}"
    Image.fromarray(array).save(path)
    expected = load_image(path)
    assert np.array_equal(as_rgb(array), expected), name


def test_float_rgb_in_0_to_1_is_the_uint8_image_not_black():
    as_float = RGB8.astype(np.float64) / 255
    assert np.array_equal(as_rgb(as_float), RGB8)
    assert np.array_equal(network_input(as_float, (10, 12)), network_input(RGB8, (10, 12)))


def test_16_bit_rgb_is_scaled_not_clipped():
    assert np.array_equal(as_rgb(RGB8.astype(np.uint16) * 257), RGB8)


def test_a_uint8_rgb_array_is_used_as_it_is():
    assert as_rgb(RGB8) is RGB8


@pytest.mark.parametrize("array", [np.zeros((4, 4, 5), np.uint8), np.zeros((0, 4, 3), np.uint8),
                                   np.zeros((4, 4, 3), np.complex64), np.zeros((4,), np.uint8)])
def test_what_is_no_image_is_a_value_error(array):
    with pytest.raises(ValueError):
        as_rgb(array)
