"""docs/cli.md tells a serving client how petloc prepares an image; that recipe gives petloc's pixels."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageOps

from petloc_gui.model.prepare import prepare_path

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
RESIZE = "cv2.resize(rgb, (W, H),\n   interpolation=cv2.INTER_AREA if w * h > W * H else cv2.INTER_LINEAR)"


def _documented_recipe(path: Path, size: tuple[int, int]) -> np.ndarray:
    """docs/cli.md's steps, as a client outside petloc would write them."""
    with Image.open(path) as image:
        # step 1: a PNG's orientation only from an eXIf chunk before its image data
        oriented = image.format != "PNG" or "exif" in image.info
        upright = ImageOps.exif_transpose(image) if oriented else image
        # step 2
        if upright.mode == "I;16":  # 16-bit gray: / 257, rounded (16-bit colour: Pillow keeps the high byte)
            upright = Image.fromarray(np.rint(np.asarray(upright) / 257).astype(np.uint8))
        transparent = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
        if transparent:
            rgba = upright.convert("RGBA")
            unused = image.format in ("BMP", "DIB") and rgba.getchannel("A").getextrema()[1] == 0
            if not unused:
                upright = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
        rgb = np.asarray(upright.convert("RGB"))
    h, w = rgb.shape[:2]
    width, height = size  # W, H in the docs (RESIZE)
    return cv2.resize(rgb, (width, height),
                      interpolation=cv2.INTER_AREA if w * h > width * height else cv2.INTER_LINEAR)


def test_the_documented_resize_is_in_the_docs():
    assert RESIZE in DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", [
    'only when `"exif" in image.info` right after `Image.open`',  # step 1, a PNG (_documented_recipe)
    "16-bit gray values are divided by 257 and rounded",
    "keep their high byte (`value >> 8`",
    "only a BMP whose alpha is zero everywhere keeps its colours",
])
def test_the_recipe_s_exceptions_are_in_the_docs(rule):
    assert rule in " ".join(DOCS.read_text(encoding="utf-8").split())


@pytest.mark.parametrize(("stored", "orientation", "mode"), [
    ((400, 300), 1, "RGB"),  # larger than the input: area averaging
    ((40, 30), 1, "RGB"),  # smaller: bilinear
    ((300, 40), 6, "RGB"),  # wide, fewer pixels than the input, stored sideways
    ((90, 70), 1, "RGBA"),
    ((90, 70), 6, "RGBA"),  # a PNG's eXIf chunk before its image data counts
])
def test_the_documented_recipe_gives_petlocs_input(tmp_path, stored, orientation, mode):
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, (stored[1], stored[0], len(mode)), dtype=np.uint8)
    path = tmp_path / ("photo.png" if mode == "RGBA" else "photo.jpg")
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(pixels).save(path, exif=exif.tobytes())
    size = (64, 48)
    assert np.array_equal(_documented_recipe(path, size), prepare_path(path, size))


SIZE = (64, 48)
RNG = np.random.default_rng(5)
PIXELS = RNG.integers(0, 256, (30, 40, 3), dtype=np.uint8)


def _same(path: Path) -> bool:
    return np.array_equal(_documented_recipe(path, SIZE), prepare_path(path, SIZE))


def test_a_png_exif_chunk_after_the_image_data_is_ignored(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(PIXELS).save(tmp_path / "plain.png")
    data, chunk = (tmp_path / "plain.png").read_bytes(), exif.tobytes()
    end = data.rfind(b"IEND") - 4
    path = tmp_path / "late_exif.png"
    path.write_bytes(data[:end] + struct.pack(">I", len(chunk)) + b"eXIf" + chunk
                     + struct.pack(">I", zlib.crc32(b"eXIf" + chunk)) + data[end:])
    with Image.open(path) as image:  # the trap is real: exif_transpose would turn it
        assert ImageOps.exif_transpose(image).size == (30, 40)
    assert _same(path)
    assert prepare_path(path, SIZE).shape == (48, 64, 3)


def test_an_xmp_orientation_in_a_png_is_ignored(tmp_path):
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
                  '"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:tiff='
                  '"http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/></rdf:RDF></x:xmpmeta>')
    path = tmp_path / "xmp.png"
    Image.fromarray(PIXELS).save(path, pnginfo=info)
    with Image.open(path) as image:
        assert ImageOps.exif_transpose(image).size == (30, 40)
    assert _same(path)


# values that are not multiples of 257, where "/ 257" and the high byte differ
VALUES16 = RNG.integers(0, 65536, (30, 40, 4), dtype=np.uint16)
VALUES16[0, 0] = (65280, 1000, 383, 40000)


@pytest.mark.parametrize("channels", [1, 3, 4], ids=["gray", "RGB", "RGBA"])
@pytest.mark.parametrize("suffix", ["png", "tif"])
def test_16_bit_files(tmp_path, channels, suffix):
    path = tmp_path / f"deep.{suffix}"
    values = VALUES16[:, :, 0] if channels == 1 else VALUES16[:, :, [2, 1, 0, 3][:channels]]  # cv2: BGR(A)
    assert cv2.imwrite(str(path), values)
    assert cv2.imread(str(path), cv2.IMREAD_UNCHANGED).dtype == np.uint16
    assert _same(path)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_a_fully_transparent_image_is_white(tmp_path, fmt):
    path = tmp_path / f"clear.{fmt.lower()}"
    Image.fromarray(np.dstack([PIXELS, np.zeros(PIXELS.shape[:2], np.uint8)])).save(path, fmt, lossless=True)
    assert _same(path)
    assert prepare_path(path, SIZE).min() == 255


def test_a_bmp_whose_alpha_is_zero_everywhere_keeps_its_colours(tmp_path):
    path = tmp_path / "bgra.bmp"
    assert cv2.imwrite(str(path), np.dstack([PIXELS[:, :, ::-1], np.zeros(PIXELS.shape[:2], np.uint8)]))
    assert _same(path)
    assert np.array_equal(prepare_path(path, SIZE), cv2.resize(PIXELS, SIZE, interpolation=cv2.INTER_LINEAR))
