"""A 16-bit RGB PNG's transparent colour (tRNS) is matched on its 16-bit samples and composited on white.

Pillow keeps such a colour at 16 bits while it reads the pixels as 8-bit (their high byte), so its own
RGBA conversion compared the colour's low bytes with the pixels: the transparent colour stayed dark
and another colour could turn white. The colours of the other pixels stay Pillow's high bytes.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from petloc_gui.core.images import image_size, load_image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _rgb16_png(path, pixels, transparent=None, orientation=None):
    """One row of 16-bit RGB ``pixels``; a tRNS colour and an eXIf orientation (before the pixels) if given."""
    data = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", len(pixels), 1, 16, 2, 0, 0, 0))
    if orientation is not None:  # a little-endian TIFF header with one IFD entry: Orientation
        data += _chunk(b"eXIf", b"II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00"
                       + struct.pack("<H", orientation) + b"\x00\x00\x00\x00\x00\x00")
    if transparent is not None:
        data += _chunk(b"tRNS", struct.pack(">HHH", *transparent))
    row = b"".join(struct.pack(">HHH", *pixel) for pixel in pixels)
    path.write_bytes(data + _chunk(b"IDAT", zlib.compress(b"\x00" + row)) + _chunk(b"IEND", b""))
    return path


_KEY = (1000, 2000, 3000)  # high bytes (3, 7, 11)
_PIXELS = [_KEY, (1001, 2001, 3001), (65535, 0, 0), (0x0300, 0x0700, 0x0B00)]


def test_only_the_exact_16_bit_colour_is_white(tmp_path):
    path = _rgb16_png(tmp_path / "key.png", _PIXELS, _KEY)
    # its neighbour shares its high bytes and stays; so does a colour equal to the key's low bytes' match
    assert load_image(path).tolist() == [[[255, 255, 255], [3, 7, 11], [255, 0, 0], [3, 7, 11]]]


def test_a_colour_matching_the_keys_low_bytes_is_not_made_white(tmp_path):
    key = (0x0103, 0x0107, 0x010B)  # low bytes 3, 7, 11: Pillow matched them against (3, 7, 11) pixels
    path = _rgb16_png(tmp_path / "low.png", [(0x0300, 0x0700, 0x0B00), key], key)
    assert load_image(path).tolist() == [[[3, 7, 11], [255, 255, 255]]]


def test_without_trns_the_colours_keep_their_high_byte(tmp_path):
    path = _rgb16_png(tmp_path / "plain.png", _PIXELS)
    assert load_image(path).tolist() == [[[3, 7, 11], [3, 7, 11], [255, 0, 0], [3, 7, 11]]]


@pytest.mark.parametrize("orientation", [6, 8])
def test_the_transparency_follows_the_exif_rotation(tmp_path, orientation):
    path = _rgb16_png(tmp_path / "rotated.png", _PIXELS, _KEY, orientation=orientation)
    array = load_image(path)
    assert image_size(path) == (1, 4) and array.shape == (4, 1, 3)
    column = [tuple(pixel) for pixel in array[:, 0].tolist()]
    expected = [(255, 255, 255), (3, 7, 11), (255, 0, 0), (3, 7, 11)]
    assert column == (expected if orientation == 6 else expected[::-1])
