"""docs/cli.md tells a serving client how petloc prepares an image; that recipe gives petloc's pixels."""

from __future__ import annotations

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
        upright = ImageOps.exif_transpose(image)
        if upright.mode in ("RGBA", "LA", "P"):
            rgba = upright.convert("RGBA")
            upright = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
        rgb = np.asarray(upright.convert("RGB"))
    h, w = rgb.shape[:2]
    width, height = size  # W, H in the docs (RESIZE)
    return cv2.resize(rgb, (width, height),
                      interpolation=cv2.INTER_AREA if w * h > width * height else cv2.INTER_LINEAR)


def test_the_documented_resize_is_in_the_docs():
    assert RESIZE in DOCS.read_text(encoding="utf-8")


@pytest.mark.parametrize(("stored", "orientation", "mode"), [
    ((400, 300), 1, "RGB"),  # larger than the input: area averaging
    ((40, 30), 1, "RGB"),  # smaller: bilinear
    ((300, 40), 6, "RGB"),  # wide, fewer pixels than the input, stored sideways
    ((90, 70), 1, "RGBA"),
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
