"""A 1-, 2- or 4-bit grayscale PNG's transparent grey value (tRNS) is composited on white too.

The value is at the file's depth (a 2-bit tRNS of 1 is the grey Pillow decodes as 85), and a
1-bit PNG is Pillow's mode "1": neither was composited.
"""

from __future__ import annotations

import struct
import zlib

import pytest
from PIL import Image

from petloc_gui.core.images import load_image

from .helpers import png_chunk


def _gray_png(path, depth: int, samples: list[int], transparent: int | None):
    """A one-row gray PNG of ``samples`` (each 0 .. 2**depth - 1), with a tRNS of ``transparent``."""
    bits = "".join(format(sample, f"0{depth}b") for sample in samples)
    bits += "0" * (-len(bits) % 8)
    row = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    trns = b"" if transparent is None else png_chunk(b"tRNS", struct.pack(">H", transparent))
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", len(samples), 1, depth, 0, 0, 0, 0))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + header
                     + trns + png_chunk(b"IDAT", zlib.compress(b"\0" + row)) + png_chunk(b"IEND", b""))
    with Image.open(path) as raw:
        assert ("transparency" in raw.info) == (transparent is not None)
    return path


@pytest.mark.parametrize(("depth", "transparent", "expected"), [
    (2, 1, [0, 255, 170, 255]),      # 2-bit 0..3 decode as 0, 85, 170, 255; the tRNS 1 is 85
    (2, 2, [0, 85, 255, 255]),
    (4, 2, [0, 17, 255, 255]),       # 4-bit 0, 1, 2, 15 decode as 0, 17, 34, 255; the tRNS 2 is 34
    (1, 0, [255, 255, 255, 255]),    # 1-bit: black transparent, white stays white
])
def test_the_transparent_grey_value_is_white(tmp_path, depth, transparent, expected):
    samples = {1: [0, 1, 0, 1], 2: [0, 1, 2, 3], 4: [0, 1, 2, 15]}[depth]
    path = _gray_png(tmp_path / f"gray{depth}.png", depth, samples, transparent)
    array = load_image(path)
    assert array[0, :, 0].tolist() == expected
    assert (array[..., 0] == array[..., 2]).all()


@pytest.mark.parametrize("depth", [1, 2, 4])
def test_without_trns_nothing_changes(tmp_path, depth):
    samples = {1: [0, 1, 0, 1], 2: [0, 1, 2, 3], 4: [0, 1, 2, 15]}[depth]
    path = _gray_png(tmp_path / f"gray{depth}.png", depth, samples, None)
    expected = {1: [0, 255, 0, 255], 2: [0, 85, 170, 255], 4: [0, 17, 34, 255]}[depth]
    assert load_image(path)[0, :, 0].tolist() == expected

