"""Transparency: one rule for every mode, and a BMP's alpha channel that is zero everywhere is no alpha."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.images import load_image

RED, BLUE = (255, 0, 0), (0, 0, 255)


def test_32_bit_bmp_with_an_all_zero_alpha_shows_its_colours(tmp_path):
    # cv2 writes a BITMAPV5 header with an alpha mask; the fourth byte of every pixel is 0.
    cv2 = pytest.importorskip("cv2")
    bgra = np.zeros((4, 6, 4), np.uint8)
    bgra[:, :3] = (0, 0, 255, 0)  # red in BGR
    bgra[:, 3:] = (255, 0, 0, 0)  # blue
    path = tmp_path / "bgra.bmp"
    assert cv2.imwrite(str(path), bgra)
    with Image.open(path) as raw:
        assert raw.mode == "RGBA"  # the trap is real: composited, it was all white
    array = load_image(path)
    assert array[2, 1].tolist() == list(RED) and array[2, 4].tolist() == list(BLUE)


def test_32_bit_dib_with_an_all_zero_alpha_shows_its_colours(tmp_path):
    cv2 = pytest.importorskip("cv2")
    bgra = np.zeros((4, 6, 4), np.uint8)
    bgra[:, :] = (0, 0, 255, 0)  # red in BGR
    ok, encoded = cv2.imencode(".bmp", bgra)
    assert ok
    path = tmp_path / "bgra.dib"
    path.write_bytes(encoded.tobytes()[14:])  # a DIB: a BMP without its file header
    with Image.open(path) as raw:
        assert raw.format == "DIB" and raw.mode == "RGBA"
    assert load_image(path)[2, 1].tolist() == list(RED)


@pytest.mark.parametrize(("mode", "fmt"), [("RGBA", "PNG"), ("LA", "PNG"), ("RGBA", "WEBP"), ("RGBA", "GIF")])
def test_an_image_transparent_everywhere_is_white_as_viewers_show_it(tmp_path, mode, fmt):
    # Only a BMP's alpha zero everywhere is an unused byte: a PNG, WebP or GIF so is transparent.
    path = tmp_path / f"{mode}.{fmt.lower()}"
    Image.new(mode, (3, 2), (200, 10, 10, 0) if mode == "RGBA" else (90, 0)).save(path, fmt, lossless=True)
    with Image.open(path) as raw:
        assert raw.getchannel("A").getextrema()[1] == 0 if raw.mode in ("RGBA", "LA") else "transparency" in raw.info
    assert load_image(path)[1, 1].tolist() == [255, 255, 255]


def test_alpha_that_is_not_zero_everywhere_is_still_composited(tmp_path):
    path = tmp_path / "one_visible.png"
    image = Image.new("RGBA", (3, 1), (0, 0, 255, 0))
    image.putpixel((2, 0), (0, 0, 255, 128))
    image.save(path)
    assert load_image(path)[0].tolist() == [[255, 255, 255], [255, 255, 255], [127, 127, 255]]
    gray = tmp_path / "la.png"
    image = Image.new("LA", (2, 1), (100, 0))
    image.putpixel((1, 0), (100, 255))
    image.save(gray)
    assert load_image(gray)[0].tolist() == [[255, 255, 255], [100, 100, 100]]


@pytest.mark.parametrize("mode", ["RGB", "L", "P"])
def test_transparent_colour_is_white_in_every_mode(tmp_path, mode):
    # tRNS: the colour black is transparent, whatever the mode (RGB was left black).
    image = Image.new("RGB", (2, 1), (0, 0, 0))
    image.putpixel((1, 0), (255, 255, 255) if mode == "L" else RED)
    image = image.convert(mode)
    transparency = {"RGB": (0, 0, 0), "L": 0, "P": image.getpixel((0, 0))}[mode]
    path = tmp_path / f"{mode}_trns.png"
    image.save(path, transparency=transparency)
    with Image.open(path) as raw:
        assert raw.mode == mode and "transparency" in raw.info
    array = load_image(path)
    assert array[0, 0].tolist() == [255, 255, 255]
    assert array[0, 1].tolist() == ([255, 255, 255] if mode == "L" else list(RED))
