"""Real pixels when zoomed in: the image's own pixels under a pane's view, over the stretched preview.

The image cache decodes a preview of at most 2048 px a side (`image_cache.MAX_DISPLAY_SIDE`), which a pane
stretches to the image's full size. On a 6000x4000 photo "100%" held a third of the detail: 1-px stripes
were flat grey and edges blurred over ~12 screen pixels at 400%, while the user placed box edges by them.
Once the view magnifies the preview enough for real pixels to show more (`MAGNIFIED`), the pane asks the
window's `FullResolution` for the image's own pixels, decoded in a `ui.background` worker by
`core.images.load_image` (the EXIF orientation applied as for the preview), and lays the part of them
around what it shows over the preview. Until they come, and beyond that part, the preview shows: nothing
goes blank. Boxes never move: both pictures are drawn in the image's full-size coordinates.

Memory: the window holds one full-resolution image at a time (both panes show the same image): a
6000x4000 photo is 72 MB; a larger one than `MAX_DETAIL_PIXELS` is decoded down to it. It is let go when
a pane shows another image (or a new decode of this one). A pane draws only a crop of it, what its
viewport shows and a margin round it, at most `DETAIL_BUDGET` times the viewport's device pixels and
never finer than the screen shows them (scaled down while fewer device pixels than real ones are shown),
so never a full-size pixmap of a big photo: a pan within the margin needs no new crop, and a new crop
is a slice of the held pixels (milliseconds), not a decode. A decode that arrives after the
user moved on is dropped; one that arrives while zoomed out is kept for the next zoom in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView

from petloc_gui.ui import background
from petloc_gui.ui.canvas.image_adjust import Adjustment, adjusted

MAX_DETAIL_PIXELS = 50_000_000  # 150 MB held at most; only images past 50 MP are decoded down to it
DETAIL_BUDGET = 2.0  # a pane's crop holds at most this many times its viewport's device pixels
DETAIL_MARGIN = 0.5  # at most this much of what the view shows on each side of it, within that budget
# Real pixels are wanted once a preview pixel spans this many device pixels or more: they then fill at
# least twice the device pixels the preview does (√2 a side). A slighter gain is hard to see, and not
# worth a whole-photo decode for every photo shown: on a devicePixelRatio-2 screen a 6000x4000 photo at
# fit-to-window is ~1.2 device pixels per preview pixel. A 3000x2000 one at 100% (1.46) still gets them.
MAGNIFIED = math.sqrt(2)
NEAREST_FROM = 2.0  # a real pixel this many device pixels wide or more is drawn as a crisp square

# A picture's identity: its file and the preview decoded from it (QImage.cacheKey). A file rewritten
# since is decoded anew by the image cache, so its new preview asks for new full pixels too.
PictureKey = tuple[Path, int]


@dataclass(frozen=True)
class FullPixels:
    """An image's full-resolution pixels (or why they could not be decoded)."""

    key: PictureKey
    pixels: np.ndarray | None  # H x W x 3 uint8, oriented as the preview; None when decoding failed
    error: str | None = None


def decode_full(key: PictureKey, size: tuple[int, int]) -> FullPixels:
    """In a worker: the image's pixels at full size (``size``, as the preview's cache measured it), or
    at most MAX_DETAIL_PIXELS; never raises (the preview stays on screen when this fails)."""
    from petloc_gui.core import images

    width, height = size
    max_side = None
    if width * height > MAX_DETAIL_PIXELS:
        max_side = int(max(width, height) * math.sqrt(MAX_DETAIL_PIXELS / (width * height)))
    try:
        pixels = images.load_image(key[0], max_size=max_side)
    except Exception as exc:  # noqa: BLE001 - a hostile file must not crash the window; the preview stays
        return FullPixels(key, None, str(exc))
    scale = pixels.shape[1] / width
    if abs(pixels.shape[0] - height * scale) > 1 or (max_side is None and pixels.shape[1] != width):
        return FullPixels(key, None, "the file changed since its preview was decoded")  # not under these boxes
    return FullPixels(key, pixels)


class FullResolution(QObject):
    """The window's one full-resolution image: decoded when a pane asks, in a one-thread pool."""

    arrived = Signal(object)  # FullPixels, on the UI thread, for the picture still wanted

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._held: FullPixels | None = None
        self._wanted: PictureKey | None = None  # being decoded
        self._refused: PictureKey | None = None  # its decode failed: not tried again at every paint
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one decode at a time, beside the cache's: the UI keeps its CPU

    def pixels(self, key: PictureKey, size: tuple[int, int]) -> np.ndarray | None:
        """The full pixels of ``key`` if they are here; else their decode starts (once) and None."""
        if self._held is not None and self._held.key == key:
            return self._held.pixels
        if key not in (self._wanted, self._refused):
            self.keep_only(key)
            self._wanted = key
            background.start(decode_full, key, size, pool=self._pool, returned=self._decoded)
        return None

    def keep_only(self, key: PictureKey | None) -> None:
        """Let go of the pixels of any other picture, held or on their way (it is no longer shown)."""
        if self._held is not None and self._held.key != key:
            self._held = None
        if self._wanted is not None and self._wanted != key:
            self._wanted = None
            background.cancel_queued(self._pool)  # a decode under way runs out; `_decoded` drops it
        if self._refused != key:
            self._refused = None

    @property
    def held_key(self) -> PictureKey | None:
        """The picture whose full pixels are held (one at most)."""
        return self._held.key if self._held is not None else None

    def _decoded(self, full: FullPixels) -> None:
        if full.key != self._wanted:
            return  # the user moved on meanwhile
        self._wanted = None
        if full.pixels is None:
            self._refused = full.key
            return
        self._held = full
        self.arrived.emit(full)

    def shutdown(self) -> None:
        self.keep_only(None)
        self._pool.waitForDone(10_000)


_window_source: FullResolution | None = None


def window_source() -> FullResolution:
    """The one `FullResolution` of the application, shared by its panes (one image's pixels held)."""
    global _window_source
    app = QCoreApplication.instance()
    if _window_source is None:
        _window_source = FullResolution(app)
        if app is not None:
            app.aboutToQuit.connect(_window_source.shutdown)
    return _window_source


class PanePicture(QObject):
    """One pane's picture: the preview stretched to the image's size and, zoomed in, real pixels over it.

    Every change of what the pane shows (a zoom, a pan, a resize, a fit, a follow of the other pane)
    ends in a paint of its viewport: the picture looks there, before the paint, whether its real pixels
    are wanted and cover the view, instead of each of them calling it.
    """

    def __init__(self, view: QGraphicsView, source: FullResolution | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._source = source or window_source()
        self._source.arrived.connect(self._arrived)
        view.viewport().installEventFilter(self)
        self._preview: QImage | None = None
        self._item: QGraphicsPixmapItem | None = None  # the preview, stretched
        self._detail: QGraphicsPixmapItem | None = None  # the real pixels, a crop, over it
        self._detail_rect = QRect()  # that crop, in the full pixels' coordinates
        self._detail_sampling = 1.0  # its pixmap's pixels per full pixel: below 1 when scaled down to the screen
        self._key: PictureKey | None = None  # None: no real pixels to ask for (none shown, or the preview is whole)
        self._size = (0, 0)
        self._adjustment = Adjustment()

    def show(self, scene: QGraphicsScene, image: QImage | None, size: tuple[int, int], path: Path | None,
             adjustment: Adjustment) -> QGraphicsPixmapItem | None:
        """Put ``image`` (the preview of ``path``; None: no picture) on the cleared ``scene``, stretched to
        ``size``, the box coordinate system. Returns its item."""
        self._preview, self._size, self._adjustment = image, size, adjustment
        self._item = self._detail = None  # gone with the scene's items
        self._detail_rect = QRect()
        # Shrunk along either axis: a 1x6000 strip's preview is 1x2048, as wide as the image
        shrunk = image is not None and (image.width() < size[0] or image.height() < size[1])
        self._key = (Path(path), image.cacheKey()) if image is not None and path and shrunk else None
        self._source.keep_only(self._key)
        if image is None:
            return None
        self._item = scene.addPixmap(QPixmap.fromImage(adjusted(image, adjustment)))
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # Each axis on its own: the preview's shorter side is rounded to whole pixels (a 100x6000 image's
        # is 34x2048), so one factor ran it 23.5 px past where boxes are clamped
        if (image.width(), image.height()) != size:
            self._item.setTransform(QTransform.fromScale(size[0] / image.width(), size[1] / image.height()))
        return self._item

    def set_adjustment(self, adjustment: Adjustment) -> None:
        """Brightness and contrast, on the preview and the real pixels alike."""
        self._adjustment = adjustment
        if self._item is not None and self._preview is not None:
            self._item.setPixmap(QPixmap.fromImage(adjusted(self._preview, adjustment)))
            self._drop_detail()  # cropped again, adjusted, at the next paint

    @property
    def shows_real_pixels(self) -> bool:
        """Whether real pixels are on screen over the preview."""
        return self._detail is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Paint:
            self._follow_view()
        return False

    def _arrived(self, full: FullPixels) -> None:
        if full.key == self._key:
            self._view.viewport().update()  # the paint lays them over the preview

    def _magnification(self) -> float:
        """Device pixels per preview pixel on screen, along the axis the preview is stretched more."""
        assert self._item is not None
        stretch = max(self._item.transform().m11(), self._item.transform().m22())
        return self._view.transform().m11() * self._view.devicePixelRatioF() * stretch

    def _follow_view(self) -> None:
        if self._key is None or self._item is None:
            return
        # at 100% or more (an image pixel on a device pixel or more) always: a 2592x1944 photo's preview at
        # 100% spans 1.27 device pixels a pixel, under MAGNIFIED, and its detail was grey
        at_full_size = self._view.transform().m11() * self._view.devicePixelRatioF() >= 1.0
        if self._magnification() < (1.01 if at_full_size else MAGNIFIED):
            self._drop_detail()  # the preview has about as many pixels as the screen shows (and no moiré)
            return
        pixels = self._source.pixels(self._key, self._size)
        if pixels is not None:
            self._cover(pixels)

    def _cover(self, pixels: np.ndarray) -> None:
        """Lay the real pixels over what the view shows, and a margin round it, unless they are there."""
        assert self._item is not None
        height, width = pixels.shape[:2]
        # Full pixels per box coordinate, each axis: 1 unless decoded down (then rounded apart, as the preview)
        per_x, per_y = width / self._size[0], height / self._size[1]
        viewport = self._view.viewport().rect()
        shown = self._view.mapToScene(viewport).boundingRect()  # in box coordinates
        seen = QRectF(shown.x() * per_x, shown.y() * per_y, shown.width() * per_x,
                      shown.height() * per_y).toAlignedRect().intersected(QRect(0, 0, width, height))
        if seen.isEmpty():
            return
        ratio = self._view.devicePixelRatioF()
        real_px = self._view.transform().m11() * ratio / per_x  # device px each
        mode = (Qt.TransformationMode.FastTransformation if real_px >= NEAREST_FROM
                else Qt.TransformationMode.SmoothTransformation)
        budget = DETAIL_BUDGET * viewport.width() * ratio * viewport.height() * ratio  # pixmap pixels
        # The screen shows no finer than real_px: a finer pixmap only costs memory. Within the budget even
        # where rounding makes the seen part alone more (a viewport of a few pixels), so it is a hard cap.
        sampling = min(1.0, real_px, math.sqrt(budget / (seen.width() * seen.height())))
        if (self._detail is None or not self._detail_rect.contains(seen)
                or self._detail_sampling < sampling * 0.99  # zoomed in since: too coarse now
                or self._detail.pixmap().width() * self._detail.pixmap().height() > budget):  # zoomed out
            # The margin fills what the budget leaves beyond the seen part (DETAIL_MARGIN at most)
            room = math.sqrt(budget / (seen.width() * seen.height() * sampling * sampling))  # 1 or more
            margin = min(DETAIL_MARGIN, max(0.0, (room - 1) / 2))
            dx, dy = int(seen.width() * margin), int(seen.height() * margin)
            crop = seen.adjusted(-dx, -dy, dx, dy).intersected(QRect(0, 0, width, height))
            self._drop_detail()
            pixmap = self._pixmap(pixels, crop, sampling)
            self._detail = QGraphicsPixmapItem(pixmap, self._item)
            self._detail_rect, self._detail_sampling = crop, sampling
            # In the preview item's coordinates (its child, so drawn right over it and under everything else)
            stretch = self._item.transform()
            to_item_x, to_item_y = 1 / (per_x * stretch.m11()), 1 / (per_y * stretch.m22())
            self._detail.setTransform(QTransform.fromScale(to_item_x * crop.width() / pixmap.width(),
                                                           to_item_y * crop.height() / pixmap.height()))
            self._detail.setPos(crop.x() * to_item_x, crop.y() * to_item_y)
        if self._detail.transformationMode() != mode:
            self._detail.setTransformationMode(mode)

    def _pixmap(self, pixels: np.ndarray, crop: QRect, sampling: float) -> QPixmap:
        """The ``crop`` of ``pixels``, ``sampling`` of its pixels a full pixel, brightness applied."""
        # A QImage over the held pixels from the crop's first one, a row of the full image apart: read in
        # place, then copied (or scaled) once, at the crop's size, not the image's.
        stride = 3 * pixels.shape[1]
        start = np.ascontiguousarray(pixels).reshape(-1)[crop.top() * stride + 3 * crop.left():]
        image = QImage(start.data, crop.width(), crop.height(), stride, QImage.Format.Format_RGB888)
        if sampling < 1:
            image = image.scaled(max(1, int(crop.width() * sampling)), max(1, int(crop.height() * sampling)),
                                 Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
        else:
            image = image.copy()
        return QPixmap.fromImage(adjusted(image, self._adjustment))

    def _drop_detail(self) -> None:
        if self._detail is not None:
            scene = self._detail.scene()
            if scene is not None:
                scene.removeItem(self._detail)
            self._detail = None
            self._detail_rect = QRect()
