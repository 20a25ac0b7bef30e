"""A PNG with a bad checksum in any ancillary chunk that holds no pixels loads, as libpng (and so
viewers, OpenCV) shows it: the chunk is dropped from repaired bytes, the file untouched. The premise is
checked too: with or without such a chunk intact, Pillow (so petloc) decodes the same pixels."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PIL import ImageCms

from petloc_gui.core.images import image_size, load_image

from .helpers import png_chunk, snapshot

PIXELS = b"\x10\x80\xf0"
# Chunks libpng drops when their checksum is bad and whose loss leaves Pillow's pixels as they are:
# gamma, chromaticities, colour space and ICC profile are kept as information, never applied.
INFORMATION_CHUNKS = {
    b"gAMA": struct.pack(">I", 100000),  # gamma 1.0: would brighten every mid tone if applied
    b"cHRM": struct.pack(">8I", 31270, 32900, 64000, 33000, 30000, 60000, 15000, 6000),
    b"sRGB": b"\x00",
    b"iCCP": b"Lab\x00\x00" + zlib.compress(ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()),
    b"pHYs": struct.pack(">IIB", 2835, 2835, 1),
    b"bKGD": b"\x00\x20",
    b"sBIT": b"\x05",
    b"tIME": struct.pack(">HBBBBB", 2024, 1, 2, 3, 4, 5),
    b"prVt": b"a private chunk of some program",
}


def _gray_png(*extra: bytes) -> bytes:
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 3, 1, 8, 0, 0, 0, 0))
    idat = png_chunk(b"IDAT", zlib.compress(b"\x00" + PIXELS))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(extra) + idat + png_chunk(b"IEND", b"")


def _bad_crc(chunk: bytes) -> bytes:
    return chunk[:-4] + struct.pack(">I", struct.unpack(">I", chunk[-4:])[0] ^ 1)


@pytest.mark.parametrize("kind", list(INFORMATION_CHUNKS), ids=lambda kind: kind.decode())
def test_a_chunk_that_holds_no_pixels_changes_none_when_intact(tmp_path, kind):
    path = tmp_path / "intact.png"
    path.write_bytes(_gray_png(png_chunk(kind, INFORMATION_CHUNKS[kind])))
    assert load_image(path)[0, :, 0].tobytes() == PIXELS


@pytest.mark.parametrize("kind", list(INFORMATION_CHUNKS), ids=lambda kind: kind.decode())
def test_a_bad_checksum_in_a_chunk_that_holds_no_pixels_is_forgiven(tmp_path, kind):
    path = tmp_path / "damaged.png"
    damaged = _bad_crc(png_chunk(kind, INFORMATION_CHUNKS[kind]))
    path.write_bytes(_gray_png(png_chunk(b"tEXt", b"Title\x00fine"), damaged))
    before = snapshot(path)
    assert image_size(path) == (3, 1)
    assert load_image(path)[0, :, 0].tobytes() == PIXELS
    assert snapshot(path) == before


def test_several_damaged_chunks_are_all_dropped(tmp_path):
    path = tmp_path / "damaged.png"
    path.write_bytes(_gray_png(*(_bad_crc(png_chunk(kind, data)) for kind, data in INFORMATION_CHUNKS.items())))
    assert np.array_equal(load_image(path)[0, :, 0], np.frombuffer(PIXELS, np.uint8))
