"""A JPEG preview (`load_image` with ``max_size``) is decoded by libjpeg at a reduced scale.

Pillow's draft reduces only while both sides stay at or above the box it is given: asked for
(max_size, max_size), a 3:2 photo less than twice max_size tall was decoded whole (a 24 MP photo
for the window's 2048 preview: about a second a photo). Asked for the preview's own shape, it
reduces; the preview keeps the size and the look it had.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, JpegImagePlugin

from petloc_gui.core.images import load_image


def _gradient(width: int, height: int) -> np.ndarray:
    """Smooth in both directions and different in each channel, so a wrong turn or a
    shifted scale shows, while JPEG and the decode scale change it only a little."""
    x = np.linspace(0, 255, width)[None, :]
    y = np.linspace(0, 255, height)[:, None]
    return np.stack([np.broadcast_to(x, (height, width)), np.broadcast_to(y, (height, width)),
                     np.broadcast_to((x + y) / 2, (height, width))], axis=2).astype(np.uint8)


def _save(path, width, height, orientation=1):
    exif = Image.Exif()
    exif[0x0112] = orientation
    Image.fromarray(_gradient(width, height)).save(path, quality=95, exif=exif.tobytes())


@pytest.fixture
def drafted_sizes(monkeypatch):
    """The size each JPEG is decoded at, as the draft that takes effect leaves it (a later one, as
    Pillow's thumbnail asks, does nothing and answers None)."""
    sizes: list[tuple[int, int]] = []
    draft = JpegImagePlugin.JpegImageFile.draft

    def recording(self, mode, size):
        result = draft(self, mode, size)
        if result is not None:
            sizes.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording)
    return sizes


def test_a_3_to_2_photo_is_decoded_at_half_scale_for_a_preview_under_half_its_width(tmp_path, drafted_sizes):
    path = tmp_path / "photo.jpg"
    _save(path, 1200, 800)
    preview = load_image(path, max_size=512)
    assert drafted_sizes == [(600, 400)]  # was (1200, 800): decoded whole
    assert preview.shape == (341, 512, 3)


def test_a_preview_never_drafts_below_its_own_size(tmp_path, drafted_sizes):
    path = tmp_path / "photo.jpg"
    _save(path, 1200, 800)
    load_image(path, max_size=601)
    assert drafted_sizes == [(1200, 800)]  # half scale (600 wide) would be enlarged


def _thumbnail_size(width, height, max_size):
    """The size the preview had when the whole image was decoded and then thumbnailed."""
    image = Image.new("RGB", (width, height))
    image.thumbnail((max_size, max_size))
    return image.size


@pytest.mark.parametrize(("width", "height", "max_size", "orientation"), [
    (1200, 800, 512, 1), (1201, 799, 300, 1), (999, 1001, 250, 1),
    (2000, 1999, 512, 1), (1203, 805, 160, 6), (805, 1203, 300, 8), (1601, 1067, 400, 3),
    # decoded at 1/8 scale to 501x13, the last row half a pixel high: in every orientation
    *[(4001, 100, 400, o) for o in range(1, 9)], *[(100, 4001, 400, o) for o in range(1, 9)],
])
def test_preview_keeps_its_size_and_look(tmp_path, width, height, max_size, orientation):
    path = tmp_path / "photo.jpg"
    _save(path, width, height, orientation)
    preview = load_image(path, max_size=max_size)
    whole = Image.fromarray(load_image(path))  # decoded whole, turned upright
    whole.thumbnail((max_size, max_size), Image.Resampling.LANCZOS)
    shown_width, shown_height = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
    assert (preview.shape[1], preview.shape[0]) == whole.size == _thumbnail_size(shown_width, shown_height, max_size)
    difference = np.abs(preview.astype(int) - np.asarray(whole, dtype=int))
    assert difference.mean() < 1.0 and np.percentile(difference, 99) < 6  # no box: 2.8 for the strips
