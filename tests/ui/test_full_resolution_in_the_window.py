"""The window hands its panes the shown image's file, so zoomed in past the preview they show its own
pixels (`canvas.full_resolution`); without it (the panes were given pixels only) a camera photo stayed a
stretched 2048-px preview at any zoom."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

from tests.ui.test_full_resolution_zoom import HEIGHT, WIDTH, checker


def test_zoomed_in_the_window_s_panes_show_the_photo_s_own_pixels(qtbot, window, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.fromarray(checker(WIDTH, HEIGHT)).save(folder / "big.png", compress_level=1)
    window.open_folder(folder)
    pane = window.panel.gt_pane
    qtbot.waitUntil(lambda: pane._pixmap_item is not None, timeout=20_000)
    assert not pane._picture.shows_real_pixels
    pane.follow(QTransform.fromScale(2, 2), QPointF(WIDTH / 2, HEIGHT / 2))
    pane.viewport().update()
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
