"""One image pane: the picture, its boxes, drawing, zoom and pan.

Scene coordinates are the displayed image's pixel coordinates. Left-drag on
empty space (or anywhere in draw mode) draws a new box; middle- or
right-drag pans; Ctrl+wheel zooms. The pane never changes a document itself:
it emits signals that the EditController turns into undo commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsTextItem, QGraphicsView

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import GT_COLOR, PRED_COLOR, BoxItem, rect_to_box
from petloc_gui.ui.canvas.box_stack import box_under, stack
from petloc_gui.ui.canvas.drawn_box import DrawnBand, kept_size
from petloc_gui.ui.canvas.focus_frame import FOCUS_FRAME_PX as FOCUS_FRAME_PX  # (re-exported: others take it here)
from petloc_gui.ui.canvas.focus_frame import paint_focus_frame, repaint_focus_frame_scrolled
from petloc_gui.ui.canvas.full_resolution import PanePicture
from petloc_gui.ui.canvas.image_adjust import Adjustment
from petloc_gui.ui.canvas.pan_drag import PAN_BUTTONS, PanDrag
from petloc_gui.ui.canvas.pane_message import MESSAGE_WIDTH_PX as MESSAGE_WIDTH_PX  # (re-exported: tests take it here)
from petloc_gui.ui.canvas.pane_message import fit_message, message_item
from petloc_gui.ui.canvas.pane_words import pane_said
from petloc_gui.ui.canvas.zoom_anchor import (
    SteadyZoom,
    fit_picture,
    place,
    trim_to_view,
    viewport_to_scene,
    zoom_limited,
)

MIN_DRAW_PX = 2.0  # the least box drawn, in image pixels (its drag must pass `is_drag` on screen too)
ZOOM_STEP = 1.25


class BoxCanvas(QGraphicsView):
    """A QGraphicsView showing one image with boxes."""

    box_drawn = Signal(object)  # Box
    box_edited = Signal(int, object, object)  # index, old Box, new Box
    box_selected = Signal(int)  # -1 = none
    view_moved = Signal()
    cursor_moved = Signal(object)  # (x, y) in image pixels, or None off the image
    drawing_size = Signal(object)  # (width, height) the box being drawn will be kept at (`kept_size`), or None
    box_dragging = Signal(bool)  # a box's move or resize by the mouse began (True), or ended

    def __init__(self, editable: bool, parent=None) -> None:
        super().__init__(parent)
        self.editable = editable
        self._draw_mode = False
        scene = QGraphicsScene(self)
        # A few items whose bounds follow the zoom (handles and tags keep their screen size):
        # no BSP index to go stale, and nothing to gain from one.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor(40, 40, 40))
        # The editable pane takes the keyboard (Tab reaches it too): the single-key shortcuts act there.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if editable else Qt.FocusPolicy.ClickFocus)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._message_item: QGraphicsTextItem | None = None
        self._items: list[BoxItem] = []
        self._ghost_items: list[BoxItem] = []
        self._image_rect = QRectF()
        self._band: DrawnBand | None = None  # the box being drawn, from the press to the release
        self._pan = PanDrag(self)
        self._zoom = SteadyZoom(self)
        self._fit_on_resize = True
        self.placing = False  # (`_placed`)
        self._source_image: QImage | None = None
        self._picture = PanePicture(self)  # the preview, and the real pixels over it when zoomed in
        self.adjustment = Adjustment()
        self._cursor: QPointF | None = None  # scene position under the mouse, for the crosshair
        if editable:
            self.setMouseTracking(True)  # the cursor position and the crosshair follow the mouse
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(self._scrolled)
            bar.sliderReleased.connect(self._scrolled)
        self._message = ""
        self.describe()

    # --- draw mode and the cursor ----------------------------------------------------
    @property
    def draw_mode(self) -> bool:
        """W: a press anywhere on the image draws a box, over a box too."""
        return self._draw_mode

    @draw_mode.setter
    def draw_mode(self, on: bool) -> None:
        self._draw_mode = on
        for item in self._items:
            item.set_draw_mode(on)

    # --- for screen readers ------------------------------------------------------
    def describe(self) -> None:
        """Say in words what the pane shows (its boxes, their classes and corners, or its message), as
        its accessible description (`pane_words`)."""
        self.setAccessibleDescription(pane_said(self._items, self._ghost_items, self._message))

    # --- content ---------------------------------------------------------------
    def show_image(self, image: QImage | None, size: tuple[int, int] | None = None,
                   message: str | None = None, source: Path | None = None) -> None:
        """Show an image (or a message instead, e.g. an error) and fit it. ``size`` is the full displayed
        size (the box coordinate system); a downscaled preview is stretched back to it, and its file
        ``source``'s own pixels are decoded and shown once zoomed past it (`full_resolution`)."""
        for item in self._items:  # a move or resize under way ends with its box (`box_dragging` says so)
            item.cancel_drag()
        scene = self.scene()
        scene.clear()
        self._items, self._ghost_items = [], []
        self._pixmap_item = self._message_item = None
        self._band = None  # (its band went with the scene's items)
        self._message = ""
        self._source_image = image
        if image is not None and not image.isNull():
            width, height = size if size and size[0] > 0 else (image.width(), image.height())
            self._pixmap_item = self._picture.show(scene, image, (width, height), source, self.adjustment)
            self._image_rect = QRectF(0, 0, width, height)
        else:
            self._picture.show(scene, None, (0, 0), None, self.adjustment)
            self._image_rect = QRectF(0, 0, 400, 300)
        if message:
            self.show_message(message)
        self.fit()

    def set_adjustment(self, adjustment: Adjustment) -> None:
        """Brightness and contrast of the picture on screen (boxes and files are untouched)."""
        self.adjustment = adjustment
        self._picture.set_adjustment(adjustment)

    def show_message(self, message: str | None) -> None:
        """A readable text over the pane (errors, 'Loading model…'); None clears it."""
        if self._message_item is not None:
            self.scene().removeItem(self._message_item)
            self._message_item = None
        self._message = message or ""
        self.describe()
        if not message:
            return
        self._message_item = message_item(message, self._image_rect.topLeft())
        self.scene().addItem(self._message_item)
        fit_message(self, self._message_item)

    def image_rect(self) -> QRectF:
        return QRectF(self._image_rect)

    def set_boxes(self, boxes: list[tuple[Box, str]], selected: int = -1) -> None:
        """Replace the main boxes (GT on the left pane, prediction on the right). The boxes it shows, given again (a
        redraw for the prediction, a message), are kept: made anew, a box being moved or resized was let go. The answer
        to a box's edit too (`BoxItem.boxes_given`): one moved and not given back goes back."""
        for item in self._items:
            item.boxes_given()
        if len(boxes) == len(self._items) and all(item.shows(box, label) for item, (box, label)
                                                  in zip(self._items, boxes, strict=True)):
            self.select(selected)
            return
        for item in self._items:
            item.cancel_drag()  # a move or resize under way ends with its box (`box_dragging` says so)
            self.scene().removeItem(item)
        self._items = []
        for i, (box, label) in enumerate(boxes):
            item = BoxItem(box, label, GT_COLOR if self.editable else PRED_COLOR, i, self.editable)
            item.selected = i == selected
            item.set_draw_mode(self._draw_mode)
            item.bounds = self._image_rect if self._pixmap_item is not None else None
            item.on_edited = self.box_edited.emit
            item.on_pressed = self._item_pressed
            item.press_for = lambda at: box_under(self._items, at)
            item.on_dragging = self.box_dragging.emit
            self.scene().addItem(item)
            self._items.append(item)
        stack(self._items)
        self.describe()

    def set_ghost_boxes(self, boxes: list[tuple[Box, str]]) -> None:
        """Read-only dashed boxes drawn over the main ones (the overlay mode)."""
        for item in self._ghost_items:
            self.scene().removeItem(item)
        self._ghost_items = []
        for box, label in boxes:
            item = BoxItem(box, label, PRED_COLOR, -1, editable=False, dashed=True)
            item.bounds = self._image_rect if self._pixmap_item is not None else None  # (its tag stays inside)
            self.scene().addItem(item)
            self._ghost_items.append(item)
        self.describe()

    def box_items(self) -> list[BoxItem]:
        return list(self._items)

    def select(self, index: int) -> None:
        for item in self._items:
            item.selected = item.index == index
            item.update()
        stack(self._items)  # the selected box first
        self.describe()

    # --- keyboard focus ----------------------------------------------------------
    def paintEvent(self, event) -> None:  # Qt's name
        super().paintEvent(event)
        if self.hasFocus():
            paint_focus_frame(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # Qt's name
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():
            repaint_focus_frame_scrolled(self, dx, dy)

    def focusInEvent(self, event) -> None:  # Qt's name
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event) -> None:  # Qt's name
        super().focusOutEvent(event)
        self.viewport().update()

    # --- zoom -------------------------------------------------------------------
    @contextmanager
    def _placed(self) -> Iterator[None]:
        """While a fit, zoom or follow sets the view, or a pan's trim: the scroll bars' moves meanwhile are half-set
        views, neither trimmed (`_scrolled`) nor mirrored (`PaneSync`). Each says `view_moved` once done."""
        self.placing = True
        try:
            yield
        finally:
            self.placing = False

    def fit(self) -> None:
        """Fit the image in the pane (each pane fits itself: they may differ in size)."""
        self._fit_on_resize = True
        with self._placed():
            fit_picture(self, self._image_rect)
        fit_message(self, self._message_item)  # the image's corner, where it starts, moved

    @property
    def fits_on_resize(self) -> bool:
        """Whether a resize fits the image again: until the user zooms or pans, or the pane follows another."""
        return self._fit_on_resize

    def follow(self, transform: QTransform, center: QPointF) -> None:
        """Show what another pane shows: its zoom, centred on the same image point (`PaneSync`). From
        now on it keeps that view when resized, as a pane zoomed by hand does, until the next fit."""
        self._fit_on_resize = False
        with self._placed():
            self.setTransform(transform)
            place(self, self._image_rect, center)  # (`centerOn` could not show past a picture's edge)
        self.view_moved.emit()

    def zoom_by(self, factor: float, spot: QPointF | None = None) -> None:
        """Zoom by ``factor``, the image point at ``spot`` of the viewport staying there (`SteadyZoom.zoom`), as far
        as the zoom's limits let it (`zoom_limited`): at a limit, nothing moves."""
        factor = zoom_limited(self, self._image_rect, factor)
        if abs(factor - 1) < 1e-9:
            return
        self._fit_on_resize = False
        with self._placed():
            self._zoom.zoom(self._image_rect, factor, spot)
        fit_message(self, self._message_item)
        self.view_moved.emit()

    def _scrolled(self) -> None:
        """A scroll bar moved (or its handle was let go): a pan's grey out of view goes (`trim_to_view`), and the
        panes beside follow. A fit's, zoom's or follow's own moves wait for the view it finishes with."""
        if not self.placing:
            with self._placed():
                trim_to_view(self, self._image_rect)
            self.view_moved.emit()

    def resizeEvent(self, event) -> None:  # Qt's name
        super().resizeEvent(event)
        if self._fit_on_resize:
            self.fit()
        fit_message(self, self._message_item)

    def wheelEvent(self, event) -> None:  # Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP, event.position())
            event.accept()
        else:
            super().wheelEvent(event)

    # --- crosshair and cursor position ----------------------------------------------
    def crosshair_shown(self) -> bool:
        """In draw mode, or while a box is being drawn, lines through the cursor help place its corners."""
        return (self.editable and self._cursor is not None and (self.draw_mode or self._band is not None)
                and self._image_rect.contains(self._cursor))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # Qt's name
        super().drawForeground(painter, rect)
        p = self._cursor
        if p is None or not self.crosshair_shown():
            return
        pen = QPen(QColor(255, 255, 255, 180), 0)  # cosmetic: one screen pixel at any zoom
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        r = self._image_rect
        painter.drawLine(QPointF(r.left(), p.y()), QPointF(r.right(), p.y()))
        painter.drawLine(QPointF(p.x(), r.top()), QPointF(p.x(), r.bottom()))

    def _track_cursor(self, scene_pos: QPointF | None) -> None:
        inside = scene_pos is not None and self._pixmap_item is not None and self._image_rect.contains(scene_pos)
        had_crosshair = self.crosshair_shown()
        self._cursor = scene_pos if inside else None
        if had_crosshair or self.crosshair_shown():
            self.viewport().update()
        self.cursor_moved.emit((self._cursor.x(), self._cursor.y()) if self._cursor is not None else None)

    def leaveEvent(self, event) -> None:  # Qt's name
        super().leaveEvent(event)
        self._track_cursor(None)

    def viewportEvent(self, event) -> bool:  # Qt's name
        if event.type() == QEvent.Type.Leave:  # the mouse leaves the viewport, not always the view itself
            self._track_cursor(None)
        return super().viewportEvent(event)

    # --- mouse --------------------------------------------------------------------
    def _item_pressed(self, index: int) -> None:
        self.select(index)
        self.box_selected.emit(index)

    def mousePressEvent(self, event) -> None:  # Qt's name
        if event.button() in PAN_BUTTONS:
            self._pan.start(event.position())
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.editable and self._pixmap_item is not None:
            hit_at = self.mapToScene(event.position().toPoint())  # where the scene hands the press to a box
            if self.draw_mode or box_under(self._items, hit_at) is None:  # else that box takes it (`press_for`)
                # the corner under the mouse itself: at a display scale of 1.5 its whole pixel's was a third off
                corner = viewport_to_scene(self, event.position())
                self._band = DrawnBand(self.scene(), self._image_rect, corner, event.position())
                event.accept()
                return
        super().mousePressEvent(event)

    def cancel_drawing(self) -> bool:
        """Escape: the box being dragged out is dropped, the drag draws nothing (False: none was)."""
        if self._band is None:
            return False
        self._end_drawing()
        return True

    def _end_drawing(self) -> QRectF:
        """The dragged-out rectangle (empty after a click: `DrawnBand`), its rubber band gone."""
        rect = self._band.remove() if self._band is not None else QRectF()
        self._band = None
        self.drawing_size.emit(None)
        self.viewport().update()  # the crosshair goes with the drawing (unless in draw mode)
        return rect

    def _stretch_band(self, mouse_at: QPointF) -> None:
        rect = self._band.stretch(mouse_at, viewport_to_scene(self, mouse_at)) if self._band is not None else None
        if rect is not None:
            self.drawing_size.emit(kept_size(rect))  # the size the file will hold, not the band's

    def mouseMoveEvent(self, event) -> None:  # Qt's name
        if self.editable:
            self._track_cursor(viewport_to_scene(self, event.position()))  # (as a drawn corner goes: unrounded)
        if self._pan.follow(event.position()):
            self._fit_on_resize = False
            return
        if self._band is not None:
            self._stretch_band(event.position())
            return
        super().mouseMoveEvent(event)
        if not event.buttons() and not any(item.hasCursor() for item in self.items(event.position().toPoint())):
            # No box's cursor here: the picture or the grey margin round it, where the view put its arrow back. A
            # press draws in either (clamped to the picture; only the picture said so): a crosshair wherever it does.
            draws = self.editable and self._pixmap_item is not None
            self.viewport().setCursor(Qt.CursorShape.CrossCursor if draws else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:  # Qt's name
        if self._pan.panning and event.button() in PAN_BUTTONS:
            self._pan.end()
            return
        if self._band is not None and event.button() == Qt.MouseButton.LeftButton:
            self._stretch_band(event.position())  # (where it was let go: a release may come with no move before it)
            rect = self._end_drawing()  # empty after a click, however far a scaled-down photo made its jitter
            if rect.width() >= MIN_DRAW_PX and rect.height() >= MIN_DRAW_PX:
                self.box_drawn.emit(rect_to_box(rect))
            else:
                self.select(-1)
                self.box_selected.emit(-1)
            return
        super().mouseReleaseEvent(event)
