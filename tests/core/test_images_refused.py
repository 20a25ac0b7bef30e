"""A file Pillow refuses to open is refused with what is wrong with it, not "format not recognised"."""

from __future__ import annotations

import struct
import zlib

import pytest
from PIL import Image

from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.images import image_size, load_image

from .helpers import png_chunk, png_claiming

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
AVIF = b"\x00\x00\x00\x20ftypavif\x00\x00\x00\x00avifmif1miafMA1B" + b"\x00" * 200
IHDR = struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0)  # 2x1 gray


def _png(*chunks: bytes) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def _refusal(path) -> str:
    for read in (image_size, load_image):
        with pytest.raises(ImageLoadError) as info:
            read(path)
        assert info.value.path == path
    return info.value.reason


def _bad_crc(chunk: bytes) -> bytes:
    return chunk[:-4] + struct.pack(">I", (struct.unpack(">I", chunk[-4:])[0] + 1) & 0xFFFFFFFF)


def test_png_with_a_bad_checksum_says_in_which_chunk(tmp_path):
    path = tmp_path / "bad.png"
    path.write_bytes(_png(_bad_crc(png_chunk(b"IHDR", IHDR)), png_chunk(b"IDAT", zlib.compress(b"\x00\x10\x20")),
                          png_chunk(b"IEND", b"")))
    assert _refusal(path) == "PNG file is damaged (bad CRC in its IHDR chunk)"


@pytest.mark.parametrize("cut", [20, 40])
def test_png_cut_short_before_its_image_data_says_so(tmp_path, cut):
    path = tmp_path / "cut.png"
    Image.effect_noise((40, 30), 50).save(tmp_path / "full.png")
    path.write_bytes((tmp_path / "full.png").read_bytes()[:cut])
    assert _refusal(path).startswith(f"PNG file is cut short (it ends at byte {cut}")


@pytest.mark.parametrize(("name", "data", "format_name"), [
    ("IMG_0001.jpg", HEIC, "HEIC"),  # by content, whatever the name
    ("photo.png", AVIF, "AVIF"),
    ("broken.heic", b"\x00" * 64, "HEIC"),  # unknown content: the name tells
    ("scan.jpg", b"\x00\x00\x00\x0cjP  \r\n\x87\n" + b"\x00" * 64, "JPEG 2000"),
    ("layers.jpg", b"8BPS\x00\x01" + b"\x00" * 64, "Photoshop (PSD)"),
])
def test_formats_petloc_does_not_read_are_named(tmp_path, name, data, format_name):
    path = tmp_path / name
    path.write_bytes(data)
    assert _refusal(path) == f"{format_name} images are not supported; convert it to JPEG or PNG"


def test_a_decoded_format_that_cannot_be_opened_gives_its_plugins_reason(tmp_path):
    path = tmp_path / "odd.bmp"
    path.write_bytes(b"BM" + b"\x00" * 60)
    assert _refusal(path) == "cannot read this BMP file: Unsupported BMP header type (0)"


def test_a_file_of_no_known_format_is_still_not_an_image(tmp_path):
    path = tmp_path / "notes.jpg"
    path.write_text("this is not an image\n")
    assert _refusal(path).startswith("not an image file (format not recognised;")



def test_an_image_over_pillows_bomb_limit_gets_petlocs_message(tmp_path):
    # 900 MP: Pillow refuses it inside Image.open ("could be decompression bomb DOS attack").
    path = tmp_path / "huge.png"
    path.write_bytes(png_claiming(30_000, 30_000))
    assert _refusal(path) == "image is too large: 30000x30000 pixels exceeds the limit of 180 megapixels"
