"""On a devicePixelRatio-2 screen a pane asks for a photo's real pixels only when they add visible detail,
and never holds a pixmap of more than `DETAIL_BUDGET` times its viewport's device pixels.

Before, any preview pixel wider than 1.01 device pixels wanted them: at fit-to-window on such a screen
every photo shown was decoded whole (~1 s of CPU each) and each pane held a full-size pixmap of it (a
6000x4000 photo: 96 MB more, beside the 72 MB of held pixels).
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

from petloc_gui.ui.canvas import full_resolution
from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.full_resolution import DETAIL_BUDGET, MAGNIFIED, window_source
from petloc_gui.ui.canvas.image_cache import MAX_DISPLAY_SIDE, decode
from tests.ui.test_full_resolution_zoom import screen, stripes_seen

WIDTH, HEIGHT = 6000, 4000  # a camera photo; its preview is 2048 px wide: 2.93 image pixels a preview pixel
MARK = (2000, 1500, 60)  # x, y, side of a red square
RATIO = 2.0


@pytest.fixture
def photo(tmp_path):
    """A 6000x4000 PNG of a 1-px checker with a red square."""
    odd = (np.arange(HEIGHT) % 2).astype(np.uint8)[:, None] ^ (np.arange(WIDTH) % 2).astype(np.uint8)[None, :]
    pixels = np.repeat((odd * 255)[:, :, None], 3, axis=2)
    mx, my, side = MARK
    pixels[my: my + side, mx: mx + side] = (255, 0, 0)
    path = tmp_path / "photo.png"
    Image.fromarray(pixels).save(path, compress_level=1)
    return path


@pytest.fixture
def hidpi_pane(qtbot, monkeypatch):
    """A pane as on a scale-2 screen: what it decides by (its devicePixelRatioF) says 2."""
    view = BoxCanvas(editable=True)
    qtbot.addWidget(view)
    monkeypatch.setattr(view, "devicePixelRatioF", lambda: RATIO)
    view.resize(1200, 900)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def decodes(monkeypatch):
    """The full-resolution decodes started, by file."""
    started = []
    real_decode = full_resolution.decode_full

    def decode_noting_it(key, size):
        started.append(key[0])
        return real_decode(key, size)

    monkeypatch.setattr(full_resolution, "decode_full", decode_noting_it)
    return started


def show(view: BoxCanvas, path) -> None:
    display = decode(path)
    assert display.image.width() == MAX_DISPLAY_SIDE and display.size == (WIDTH, HEIGHT)
    view.show_image(display.image, display.size, source=path)


def preview_magnification(view: BoxCanvas) -> float:
    """Device pixels a preview pixel spans on the (pretended) scale-2 screen."""
    return view.transform().m11() * RATIO * WIDTH / MAX_DISPLAY_SIDE


def detail_pixels(view: BoxCanvas) -> tuple[int, int]:
    pixmap = view._picture._detail.pixmap()
    return pixmap.width(), pixmap.height()


def budget(view: BoxCanvas) -> float:
    viewport = view.viewport().rect()
    return DETAIL_BUDGET * viewport.width() * RATIO * viewport.height() * RATIO


def colour(view: BoxCanvas, scene_x: float, scene_y: float) -> tuple[int, int, int]:
    pixel = view.viewport().grab().toImage().pixelColor(view.mapFromScene(QPointF(scene_x, scene_y)))
    return pixel.red(), pixel.green(), pixel.blue()


def test_at_fit_on_a_scale_2_screen_the_photo_is_not_decoded_again_in_full(qtbot, hidpi_pane, photo, decodes):
    show(hidpi_pane, photo)  # and fit
    assert 1 < preview_magnification(hidpi_pane) < 1.25  # stretched a little: hardly more to see
    for _ in range(5):
        hidpi_pane.viewport().repaint()
        qtbot.wait(50)
    assert decodes == []
    assert not hidpi_pane._picture.shows_real_pixels and window_source().held_key is None


def test_zoomed_in_on_a_scale_2_screen_the_real_pixels_stay_within_the_budget(qtbot, hidpi_pane, photo, decodes):
    show(hidpi_pane, photo)
    mx, my, side = MARK
    hidpi_pane.follow(QTransform.fromScale(0.3, 0.3), QPointF(mx, my))  # 0.6 device px an image pixel
    assert preview_magnification(hidpi_pane) >= MAGNIFIED
    hidpi_pane.viewport().update()
    qtbot.waitUntil(lambda: hidpi_pane._picture.shows_real_pixels, timeout=20_000)
    assert decodes == [photo]
    width, height = detail_pixels(hidpi_pane)
    # Scaled to the screen's pixels: the ~4000x3000 image pixels in view alone would be over the budget
    assert width * height <= budget(hidpi_pane)
    assert width <= hidpi_pane._picture._detail_rect.width() * 0.6 + 1  # and no finer than the screen shows
    hidpi_pane.viewport().repaint()
    assert colour(hidpi_pane, mx + side / 2, my + side / 2) == (255, 0, 0)  # where the boxes have it
    assert colour(hidpi_pane, mx - 20, my + side / 2) != (255, 0, 0)

    hidpi_pane.follow(QTransform.fromScale(2, 2), QPointF(mx, my))  # 4 device px an image pixel
    hidpi_pane.viewport().repaint()
    assert detail_pixels(hidpi_pane) == (hidpi_pane._picture._detail_rect.width(),
                                         hidpi_pane._picture._detail_rect.height())  # one a real pixel again
    width, height = detail_pixels(hidpi_pane)
    assert width * height <= budget(hidpi_pane)
    assert stripes_seen(screen(hidpi_pane, mx - 30, my - 30, side=40))  # the checker, left of the red square
    assert decodes == [photo]  # the held pixels, cropped anew: no second decode
