"""At 100% a photo a little wider than the 2048-px preview (a 5 MP camera's 2592x1944) shows its own
pixels: the preview spans 1.27 device pixels a pixel there, under the sqrt(2) asked of a zoomed-out view
(a scale-2 screen at fit), and its 1-px detail stayed grey."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

from petloc_gui.ui.canvas.image_cache import MAX_DISPLAY_SIDE, decode
from tests.ui.test_full_resolution_zoom import checker, pane, screen, stripes_seen  # noqa: F401 - pane: a fixture

WIDTH, HEIGHT = 2592, 1944


def test_at_100_percent_a_5_mp_photo_shows_its_own_pixels(qtbot, pane, tmp_path):  # noqa: F811
    photo = tmp_path / "five_mp.png"
    Image.fromarray(checker(WIDTH, HEIGHT)).save(photo, compress_level=1)
    display = decode(photo)
    assert display.image.width() == MAX_DISPLAY_SIDE and display.size == (WIDTH, HEIGHT)
    pane.show_image(display.image, display.size, source=photo)
    pane.follow(QTransform.fromScale(1, 1), QPointF(WIDTH / 2, HEIGHT / 2))  # 100%
    pane.viewport().repaint()
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    pane.viewport().repaint()
    assert stripes_seen(screen(pane, WIDTH / 2 - 20, HEIGHT / 2 - 20))
