"""Zoomed in past the 2048-px preview, a pane shows the image's own pixels (`canvas.full_resolution`).

A 1-px checker is flat grey in the preview of a 3000x2000 image; at 200% its real pixels alternate black
and white on screen. Before they are decoded the preview shows; another image drops them.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTransform

from petloc_gui.ui.canvas.box_canvas import BoxCanvas
from petloc_gui.ui.canvas.full_resolution import FullResolution, window_source
from petloc_gui.ui.canvas.image_cache import MAX_DISPLAY_SIDE, decode

WIDTH, HEIGHT = 3000, 2000
MARK = (2000, 1200, 40)  # x, y, side of a red square, in the image as a person sees it


def checker(width: int, height: int) -> np.ndarray:
    y, x = np.mgrid[0:height, 0:width]
    pixels = np.repeat((((x + y) % 2) * 255).astype(np.uint8)[:, :, None], 3, axis=2)
    mx, my, side = MARK
    pixels[my: my + side, mx: mx + side] = (255, 0, 0)
    return pixels


@pytest.fixture
def photos(tmp_path):
    """A 3000x2000 checker PNG, the same stored turned with an EXIF orientation, and a plain grey one."""
    flat = tmp_path / "checker.png"
    Image.fromarray(checker(WIDTH, HEIGHT)).save(flat, compress_level=1)
    turned = tmp_path / "turned.png"
    stored = Image.fromarray(checker(WIDTH, HEIGHT)).transpose(Image.Transpose.ROTATE_90)  # orientation 6 undoes it
    exif = Image.Exif()
    exif[0x0112] = 6
    stored.save(turned, exif=exif.tobytes(), compress_level=1)
    grey = tmp_path / "grey.png"
    Image.fromarray(np.full((HEIGHT, WIDTH, 3), 128, np.uint8)).save(grey, compress_level=1)
    return flat, turned, grey


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
    assert display.image.width() == MAX_DISPLAY_SIDE and display.size == (WIDTH, HEIGHT)  # a stretched preview
    view.show_image(display.image, display.size, source=path)


def zoom_200(view: BoxCanvas, center: tuple[float, float]) -> None:
    view.follow(QTransform.fromScale(2, 2), QPointF(*center))


def screen(view: BoxCanvas, scene_x: float, scene_y: float, side: int = 40) -> np.ndarray:
    """The grey values on screen of a ``side``-px square from the scene point (its top left)."""
    shot = view.viewport().grab().toImage()
    origin = view.mapFromScene(QPointF(scene_x, scene_y))
    return np.array([[shot.pixelColor(origin.x() + i, origin.y() + j).green() for i in range(side)]
                     for j in range(side)])


def stripes_seen(values: np.ndarray) -> bool:
    """Black and white both cover a third of the square (a 1-px checker at 200%); grey would not."""
    return (values < 40).mean() > 0.3 and (values > 215).mean() > 0.3


def test_zoomed_in_the_real_pixels_replace_the_stretched_preview(qtbot, pane, photos):
    flat, _, grey = photos
    show(pane, flat)
    zoom_200(pane, (1500, 1000))
    pane.viewport().repaint()  # the decode only starts here: the preview is what the user sees meanwhile
    assert not pane._picture.shows_real_pixels
    assert not stripes_seen(screen(pane, 1490, 990))  # the preview: the checker averaged away
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    pane.viewport().repaint()
    assert stripes_seen(screen(pane, 1490, 990))
    assert window_source().held_key is not None and window_source().held_key[0] == flat

    pane.set_adjustment(pane.adjustment.stepped(brightness_steps=2))  # brightness applies to the real pixels too
    pane.viewport().repaint()
    assert pane._picture.shows_real_pixels and screen(pane, 1490, 990).min() >= 30

    pane.fit()  # zoomed out: the preview, which has as many pixels as the screen shows
    pane.viewport().repaint()
    assert not pane._picture.shows_real_pixels

    show(pane, grey)  # another image: the first one's 18 MB of pixels are let go
    assert window_source().held_key is None
    zoom_200(pane, (1500, 1000))
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    assert window_source().held_key[0] == grey


def test_a_pan_beyond_the_crop_shows_real_pixels_there_too(qtbot, pane, photos):
    flat, _, _ = photos
    show(pane, flat)
    zoom_200(pane, (300, 300))
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    pane.centerOn(QPointF(2600, 1700))  # far outside the crop laid over the view
    pane.viewport().repaint()
    assert stripes_seen(screen(pane, 2590, 1690))


def test_the_real_pixels_are_turned_as_the_preview_is(qtbot, pane, photos):
    _, turned, _ = photos
    show(pane, turned)
    mx, my, side = MARK
    zoom_200(pane, (mx + side / 2, my + side / 2))
    qtbot.waitUntil(lambda: pane._picture.shows_real_pixels, timeout=20_000)
    pane.viewport().repaint()
    inside = view_colour(pane, mx + 10, my + 10)
    assert inside == (255, 0, 0)  # the red square where the preview (and the boxes) have it
    assert view_colour(pane, mx + 0.5, my + 0.5) == (255, 0, 0)  # to the pixel: its first one is red
    assert view_colour(pane, mx - 0.5, my + 20) != (255, 0, 0)  # and the one before it is not
    assert stripes_seen(screen(pane, mx - 12, my - 12, side=10))


def view_colour(view: BoxCanvas, scene_x: float, scene_y: float) -> tuple[int, int, int]:
    colour = view.viewport().grab().toImage().pixelColor(view.mapFromScene(QPointF(scene_x, scene_y)))
    return colour.red(), colour.green(), colour.blue()


def test_a_decode_for_an_image_left_is_dropped(qtbot, photos, monkeypatch):
    import threading

    from petloc_gui.ui.canvas import full_resolution

    flat, _, grey = photos
    started = threading.Event()
    real_decode = full_resolution.decode_full

    def decode_noting_its_start(*args):
        started.set()
        return real_decode(*args)

    monkeypatch.setattr(full_resolution, "decode_full", decode_noting_its_start)
    source = FullResolution()
    arrived = []
    source.arrived.connect(arrived.append)
    assert source.pixels((flat, 1), (WIDTH, HEIGHT)) is None  # its decode starts
    assert started.wait(10)
    source.keep_only((grey, 2))  # the user moved on before it came
    source.shutdown()  # the decode under way ran out
    qtbot.wait(50)  # its result reaches the UI thread
    assert arrived == [] and source.held_key is None
