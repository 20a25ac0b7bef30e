"""A 16-bit grayscale PNG's transparent grey value (tRNS) is composited on white, as an 8-bit one is.

The value is one of the 16-bit samples: only pixels of exactly that value are transparent,
not their neighbours that share its 8-bit value (``/ 257``, rounded: 1000 and 1001 are both 4).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from petloc_gui.core.images import load_image

_VALUES = np.array([[0, 1000, 1001, 30000, 65535]], dtype=np.uint16)


def _gray16_png(path, values=_VALUES, **options):
    Image.fromarray(values).save(path, **options)
    with Image.open(path) as raw:
        assert raw.mode == "I;16"
        assert ("transparency" in raw.info) == ("transparency" in options)
    assert (b"tRNS" in path.read_bytes()) == ("transparency" in options)  # a real tRNS chunk
    return path


def test_the_transparent_grey_value_is_white(tmp_path):
    path = _gray16_png(tmp_path / "gray16_trns.png", transparency=1000)
    array = load_image(path)
    assert array.shape == (1, 5, 3) and (array[..., 0] == array[..., 2]).all()
    assert array[0, :, 0].tolist() == [0, 255, 4, 117, 255]


def test_as_an_8_bit_gray_png_with_its_transparent_value(tmp_path):
    # The same rule as the 8-bit case: the transparent grey is white, the rest as without tRNS.
    eight = tmp_path / "gray8_trns.png"
    Image.fromarray(np.array([[0, 4, 117, 255]], np.uint8)).save(eight, transparency=4)
    sixteen = _gray16_png(tmp_path / "gray16_trns.png", np.array([[0, 1000, 30000, 65535]], np.uint16),
                          transparency=1000)
    assert load_image(sixteen).tolist() == load_image(eight).tolist()


def test_without_trns_the_values_are_scaled_as_before(tmp_path):
    # petloc's rule for one 16-bit gray channel: / 257, rounded (200 -> 1; its high byte would be 0).
    values = np.array([[0, 200, 1000, 32767, 40000, 65535]], dtype=np.uint16)
    path = _gray16_png(tmp_path / "gray16.png", values)
    assert load_image(path)[0, :, 0].tolist() == [0, 1, 4, 127, 156, 255]


def test_the_transparency_follows_the_exif_rotation(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90 clockwise: the stored row becomes a column, top to bottom
    path = _gray16_png(tmp_path / "rotated.png", transparency=1000, exif=exif.tobytes())
    array = load_image(path)
    assert array.shape == (5, 1, 3)
    assert array[:, 0, 0].tolist() == [0, 255, 4, 117, 255]
