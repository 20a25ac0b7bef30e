"""The pixel guard (core.images.MAX_PIXELS) lets the largest camera photos through and refuses larger
images with petloc's message, wherever Pillow's own refusal starts."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from petloc_gui.core.errors import ImageLoadError
from petloc_gui.core.images import MAX_PIXELS, image_size

from .helpers import png_claiming

# Pillow warns (it does not refuse) above 90 MP; pytest resets the filter core.images sets.
pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")

CAMERA_SIZES = [(11648, 8736), (11656, 8742)]  # Fujifilm GFX100 (101.8 MP), Hasselblad X2D (101.9 MP)


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header (SOF0) is changed to claim ``width x height``."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 120, 150)).save(buffer, format="JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")  # marker, length (2), precision (1), height (2), width (2)
    data[sof + 5:sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@pytest.mark.parametrize("size", CAMERA_SIZES)
@pytest.mark.parametrize("fmt", ["jpg", "png"])
def test_a_100_megapixel_camera_photo_is_read(tmp_path, size, fmt):
    path = tmp_path / f"camera.{fmt}"
    path.write_bytes(jpeg_claiming(*size) if fmt == "jpg" else png_claiming(*size))
    assert image_size(path) == size


def test_an_image_between_pillows_default_refusal_and_the_limit_is_read(tmp_path):
    # 13400 x 13400 = 179.6 MP: over Pillow's default refusal (2 x 89.5 MP), under petloc's limit.
    path = tmp_path / "wide.png"
    path.write_bytes(png_claiming(13_400, 13_400))
    assert image_size(path) == (13_400, 13_400)


def test_an_image_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "limit.png"
    path.write_bytes(png_claiming(MAX_PIXELS // 10_000, 10_000))
    assert image_size(path) == (MAX_PIXELS // 10_000, 10_000)


@pytest.mark.parametrize("fmt", ["jpg", "png"])
def test_an_image_just_over_the_limit_is_refused_with_petlocs_message(tmp_path, fmt):
    width, height = MAX_PIXELS // 10_000 + 1, 10_000
    path = tmp_path / f"over.{fmt}"
    path.write_bytes(jpeg_claiming(width, height) if fmt == "jpg" else png_claiming(width, height))
    with pytest.raises(ImageLoadError) as info:
        image_size(path)
    assert info.value.reason == (f"image is too large: {width}x{height} pixels exceeds the limit of "
                                 f"{MAX_PIXELS // 1_000_000} megapixels")
