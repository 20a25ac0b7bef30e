"""All eight EXIF orientations: displayed size and pixels agree, in every format carrying EXIF."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.images import image_size, load_image

# The stored image: 60 x 40 with four coloured quadrants.
_STORED = np.zeros((40, 60, 3), np.uint8)
_STORED[:20, :30] = (255, 0, 0)
_STORED[:20, 30:] = (0, 255, 0)
_STORED[20:, :30] = (0, 0, 255)
_STORED[20:, 30:] = (255, 255, 255)

# What a viewer shows for each orientation value (EXIF 2.3 / TIFF 6.0 definition),
# written with numpy so the expectation does not depend on Pillow.
_DISPLAYED = {
    1: lambda a: a,
    2: lambda a: a[:, ::-1],                      # mirrored left-right
    3: lambda a: a[::-1, ::-1],                   # rotated 180
    4: lambda a: a[::-1],                         # mirrored top-bottom
    5: lambda a: a.transpose(1, 0, 2),            # mirrored along the main diagonal
    6: lambda a: np.rot90(a, -1),                 # rotated 90 clockwise
    7: lambda a: np.rot90(a, 2).transpose(1, 0, 2),  # mirrored along the anti-diagonal
    8: lambda a: np.rot90(a, 1),                  # rotated 90 counter-clockwise
}


def _save(path, orientation, **options):
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(_STORED).save(path, exif=exif.tobytes(), **options)


def _assert_displayed(path, orientation):
    expected = _DISPLAYED[orientation](_STORED)
    array = load_image(path)
    assert array.shape == expected.shape
    assert image_size(path) == (expected.shape[1], expected.shape[0])
    h, w = expected.shape[:2]
    # Quadrant centres: far from edges, so lossy compression does not matter.
    for y, x in ((h // 4, w // 4), (h // 4, 3 * w // 4), (3 * h // 4, w // 4), (3 * h // 4, 3 * w // 4)):
        assert np.abs(array[y, x].astype(int) - expected[y, x]).max() < 60, (orientation, y, x)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_jpeg_every_orientation(tmp_path, orientation):
    path = tmp_path / f"o{orientation}.jpg"
    _save(path, orientation, quality=95)
    _assert_displayed(path, orientation)


@pytest.mark.parametrize("orientation", [2, 3, 5, 6, 7, 8])
@pytest.mark.parametrize(("suffix", "options"), [
    (".png", {}), (".webp", {"lossless": True}), (".tif", {}),
    (".tif", {"compression": "tiff_lzw"}),
])
def test_other_formats_orientation(tmp_path, orientation, suffix, options):
    # TIFF matters: recent Pillow rotates TIFFs itself; it must not happen twice.
    path = tmp_path / f"o{orientation}{suffix}"
    _save(path, orientation, **options)
    _assert_displayed(path, orientation)


def test_downscaled_preview_is_oriented_too(tmp_path):
    path = tmp_path / "o6.jpg"
    _save(path, 6, quality=95)
    small = load_image(path, max_size=30)
    assert small.shape == (30, 20, 3)


def test_png_exif_after_the_pixels_never_makes_size_and_pixels_disagree(tmp_path):
    from .helpers import png_chunk

    plain = tmp_path / "plain.png"
    Image.fromarray(_STORED).save(plain)
    data = plain.read_bytes()
    exif = Image.Exif()
    exif[0x0112] = 6
    iend = data.rindex(b"IEND") - 4  # the chunk starts with its 4-byte length
    path = tmp_path / "late_exif.png"
    path.write_bytes(data[:iend] + png_chunk(b"eXIf", exif.tobytes()[6:]) + data[iend:])
    array = load_image(path)
    assert image_size(path) == (array.shape[1], array.shape[0])
