"""The preview is stretched back to the image's size along each axis on its own (`canvas.full_resolution`).

A preview is at most 2048 px a side, its other side rounded to whole pixels: a 100x6000 image's is
34x2048. Stretched by the width ratio alone (100 / 34) it ran to 6023.53 image px down while boxes are
clamped at 6000, so what a user saw near the bottom was up to 23.5 px off the box saved over it (74 px
on a 1080x20000 page, 1 px on a 6000x4000 photo).
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.image_cache import MAX_DISPLAY_SIDE, decode

RED = (200, 0, 0)
BACKGROUND = (40, 40, 40)  # BoxCanvas's, beyond the picture


def red_png(tmp_path, width: int, height: int):
    path = tmp_path / f"red{width}x{height}.png"
    Image.fromarray(np.full((height, width, 3), RED, np.uint8)).save(path, compress_level=1)
    return path


@pytest.fixture
def pane(qtbot):
    view = BoxCanvas(editable=True)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def show(view: BoxCanvas, path) -> None:
    display = decode(path)
    assert max(display.image.width(), display.image.height()) == MAX_DISPLAY_SIDE  # a stretched preview
    view.show_image(display.image, display.size, source=path)


def assert_same_rect(seen: QRectF, expected: QRectF) -> None:
    assert seen.getRect() == pytest.approx(expected.getRect(), abs=0.01)


@pytest.mark.parametrize("size", [(100, 6000), (6000, 4000), (6000, 100)])
def test_the_stretched_preview_covers_exactly_the_image(tmp_path, pane, size):
    # 100x6000 -> 34x2048 (was 6023.53 down); 6000x4000 -> 2048x1365 (was 3999.02); 6000x100 -> 2048x34
    show(pane, red_png(tmp_path, *size))
    assert_same_rect(pane._pixmap_item.sceneBoundingRect(), pane.image_rect())


def colour(view: BoxCanvas, scene_x: float, scene_y: float) -> tuple[int, int, int]:
    pixel = view.viewport().grab().toImage().pixelColor(view.mapFromScene(QPointF(scene_x, scene_y)))
    return pixel.red(), pixel.green(), pixel.blue()


def test_zoomed_in_at_the_bottom_the_real_pixels_end_where_the_picture_does(qtbot, pane, tmp_path):
    show(pane, red_png(tmp_path, 100, 6000))
    pane.follow(QTransform.fromScale(4, 4), QPointF(50, 5990))  # 11.8 device px a preview pixel
    pane.viewport().update()
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    pane.viewport().repaint()
    detail = pane._picture._detail
    # The real pixels' crop lies in the scene exactly where the boxes have those pixels
    assert_same_rect(detail.sceneBoundingRect(), QRectF(pane._picture._detail_rect))
    assert colour(pane, 50, 5995) == RED
    # Below the last row: no stretched preview running on past where boxes are clamped
    assert colour(pane, 50, 6010) == BACKGROUND
    assert_same_rect(pane._pixmap_item.sceneBoundingRect(), pane.image_rect())


def test_a_preview_shrunk_only_down_still_gives_way_to_real_pixels(qtbot, pane, tmp_path):
    # A 1x6000 strip's preview is 1x2048: as wide as the image, so real pixels were never asked for and
    # its 1-px rows stayed averaged to grey however far one zoomed in
    rows = np.repeat(((np.arange(6000) % 2) * 255).astype(np.uint8)[:, None, None], 3, axis=2)
    path = tmp_path / "strip1x6000.png"
    Image.fromarray(rows).save(path, compress_level=1)
    show(pane, path)
    pane.follow(QTransform.fromScale(8, 8), QPointF(0.5, 3000))
    pane.viewport().update()
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=10_000)
    pane.viewport().repaint()
    assert colour(pane, 0.5, 3000.5) == (0, 0, 0)
    assert colour(pane, 0.5, 3001.5) == (255, 255, 255)
