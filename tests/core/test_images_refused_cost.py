"""What a file Pillow refuses costs: only a PNG is read whole to look for chunks it can repair; any other
file (a HEIC photo or a video named .jpg, often hundreds of MB) is explained from its first bytes."""

from __future__ import annotations

import struct

import pytest

from petloc_gui.core import damaged_images
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.images import image_size, load_image

from .helpers import png_chunk


@pytest.fixture
def whole_reads(monkeypatch):
    """The files read whole (`damaged_images._read_bounded`), by their first bytes."""
    reads: list[bytes] = []
    read_bounded = damaged_images._read_bounded

    def spy(handle):
        data = read_bounded(handle)
        reads.append(b"" if data is None else data[:8])
        return data

    monkeypatch.setattr(damaged_images, "_read_bounded", spy)
    return reads


@pytest.mark.parametrize("read", [image_size, load_image])
def test_a_file_that_is_no_png_is_not_read_whole(tmp_path, whole_reads, read):
    path = tmp_path / "IMG_1.jpg"  # a HEIC photo, named as the phone's export names it
    path.write_bytes(struct.pack(">I", 24) + b"ftypheic" + b"\x00" * 12 + b"\x01" * (4 << 20))
    with pytest.raises(ImageLoadError, match="HEIC"):
        read(path)
    assert whole_reads == []


def test_a_png_is_read_whole_to_be_repaired(tmp_path, whole_reads):
    ihdr = png_chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    damaged = bytearray(png_chunk(b"tEXt", b"a\x00b"))
    damaged[-1] ^= 1
    idat = png_chunk(b"IDAT", bytes.fromhex("789c6360000000020001"))
    path = tmp_path / "text.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + ihdr + bytes(damaged) + idat + png_chunk(b"IEND", b""))
    assert image_size(path) == (1, 1)
    assert whole_reads == [b"\x89PNG\r\n\x1a\n"]
