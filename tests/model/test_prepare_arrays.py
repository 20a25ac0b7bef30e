"""An image given as an array is prepared by the rules a file of the same pixels follows."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.images import load_image
from petloc_gui.model.prepare import as_rgb, network_input
from tests.core.helpers import png_chunk

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


# 16-bit values that are not multiples of 257, where "/ 257" and Pillow's high byte differ (65280:
# 254 against 255, 383: 1 against 1, 32767: 127 against 127, 640: 2 against 2, 1000: 4 against 3)
RGB16 = RNG.integers(0, 65536, (6, 5, 3), dtype=np.uint16)
RGB16[0, 0] = (65280, 1000, 383)


@pytest.mark.parametrize(("name", "array", "suffix"), [
    ("16-bit RGB", RGB16, "png"),
    ("16-bit RGB", RGB16, "tif"),
    ("16-bit RGBA", np.dstack([RGB16, RNG.integers(1, 65536, (6, 5), dtype=np.uint16)]), "png"),
    ("16-bit gray", RGB16[:, :, 0], "png"),
    ("16-bit gray", RGB16[:, :, 0], "tif"),
])
def test_a_16_bit_array_gives_what_the_same_16_bit_file_gives(tmp_path, name, array, suffix):
    cv2 = pytest.importorskip("cv2")
    path = tmp_path / f"same16.{suffix}"
    # cv2 writes 16-bit colour files (Pillow cannot), its channels in BGR(A) order
    assert cv2.imwrite(str(path), array if array.ndim == 2 else array[:, :, [2, 1, 0, 3][:array.shape[2]]])
    assert cv2.imread(str(path), cv2.IMREAD_UNCHANGED).dtype == np.uint16  # the file holds 16-bit values
    assert np.array_equal(as_rgb(array), load_image(path)), name


def test_16_bit_gray_and_alpha_gives_what_the_same_file_gives(tmp_path):
    gray, alpha = RGB16[:, :, 0], RGB16[:, :, 1] | 1  # nowhere fully transparent
    rows = b"".join(b"\x00" + row.tobytes() for row in np.dstack([gray, alpha]).astype(">u2"))
    path = tmp_path / "la16.png"  # colour type 4 (gray and alpha), 16 bits: written by hand, as no library here can
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 5, 6, 16, 4, 0, 0, 0))
                     + png_chunk(b"IDAT", zlib.compress(rows)) + png_chunk(b"IEND", b""))
    assert np.array_equal(as_rgb(np.dstack([gray, alpha])), load_image(path))


def test_16_bit_colour_keeps_the_high_byte_as_pillow_decodes_such_a_file():
    assert as_rgb(RGB16)[0, 0].tolist() == [255, 3, 1]  # "/ 257" would give 254, 4, 1


def test_a_uint8_rgb_array_is_used_as_it_is():
    assert as_rgb(RGB8) is RGB8


@pytest.mark.parametrize("array", [np.zeros((4, 4, 5), np.uint8), np.zeros((0, 4, 3), np.uint8),
                                   np.zeros((4, 4, 3), np.complex64), np.zeros((4,), np.uint8)])
def test_what_is_no_image_is_a_value_error(array):
    with pytest.raises(ValueError):
        as_rgb(array)
