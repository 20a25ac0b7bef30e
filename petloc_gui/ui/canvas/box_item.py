"""A box on the canvas: drawn with its label, movable and resizable by 8 handles.

The item's rectangle is in scene coordinates, which are the displayed
image's pixel coordinates, so a Box maps 1:1 onto it. A drag changes only
the item; on release the item reports ``(index, old_box, new_box)`` through
``on_edited`` and the window turns that into one undo command, and gives the
pane its boxes again; an edit it does not take puts the box back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from petloc_gui.core.boxes import Box
from petloc_gui.core.text import visible
from petloc_gui.ui.canvas.box_cursor import press_cursor
from petloc_gui.ui.canvas.box_tag import TAG_HEIGHT_PX as TAG_HEIGHT_PX  # (re-exported: tests take it here)
from petloc_gui.ui.canvas.box_tag import tag_font, tag_place
from petloc_gui.ui.canvas.click_or_drag import is_drag
from petloc_gui.ui.canvas.contrast import ink_on

HANDLE_PX = 9  # handle size on screen, whatever the zoom
HANDLE_GRAB_PX = 24  # the square round a handle that grabs it (WCAG 2.5.8's least target), drawn or not
MIN_SIZE = 1.0

# Handle order: corners then edge midpoints; each says which edges it moves.
_HANDLES = (
    ("l", "t"), ("r", "t"), ("r", "b"), ("l", "b"),
    ("", "t"), ("r", ""), ("", "b"), ("l", ""),
)

# Okabe-Ito's blue, orange and sky blue: told apart with red-green colour blindness too (the old green
# and orange were 17-37 CIE dE apart under protanopia and deuteranopia), the selection by its lightness.
GT_COLOR = QColor(0x00, 0x72, 0xB2)
PRED_COLOR = QColor(0xE6, 0x9F, 0x00)
SELECTED_COLOR = QColor(0x56, 0xB4, 0xE9)
LINE_PX = 2.5  # a box's line, in screen pixels at any zoom
EDGE_PX = 1.0  # the black or white edging on each side of it, so it stands out on fur of its colour
EDITABLE_Z, SHOWN_Z = 10.0, 5.0  # a box's height in the scene: editable over read-only (`box_stack` adds to it)


def clamped(point: QPointF, picture: QRectF) -> QPointF:
    """``point`` moved onto ``picture`` (a corner drawn or a handle dragged past its edge stops there)."""
    return QPointF(min(max(point.x(), picture.left()), picture.right()),
                   min(max(point.y(), picture.top()), picture.bottom()))


def box_to_rect(box: Box) -> QRectF:
    return QRectF(QPointF(box.xmin, box.ymin), QPointF(box.xmax, box.ymax))


def rect_to_box(rect: QRectF) -> Box:
    r = rect.normalized()
    return Box(r.left(), r.top(), r.right(), r.bottom())


class BoxItem(QGraphicsItem):
    """One annotation or prediction box."""

    def __init__(self, box: Box, label: str, color: QColor, index: int = 0,
                 editable: bool = False, dashed: bool = False) -> None:
        super().__init__()
        self.index = index
        self.label = visible(label)  # control characters and bidi overrides escaped
        self.color = color
        self.editable = editable
        self.dashed = dashed
        self.bounds: QRectF | None = None  # the image rectangle, to keep boxes inside
        self.on_edited: Callable[[int, Box, Box], None] | None = None
        self.on_pressed: Callable[[int], None] | None = None
        self.on_dragging: Callable[[bool], None] | None = None  # a move or resize began (True) or ended
        # the box a press at a scene point is for, the pane's choice (`box_stack.box_under`); another's, this lets it go
        self.press_for: Callable[[QPointF], BoxItem | None] | None = None
        self._rect = box_to_rect(box)
        self._at_rest = box  # the box it shows when no move or resize is under way (`shows`)
        self._unanswered = False  # an edit reported, and the pane given no boxes since (`boxes_given`)
        self._drag_mode: int | Literal["move"] | None = None  # what the press took: a handle's index, or the box
        self._dragging = False
        self._drag_start = QPointF()
        self._start_rect = QRectF()
        self.selected = False
        self._draw_mode = False  # the canvas's (W): a press on the box draws a new box, it does not move this one
        self.setAcceptHoverEvents(editable)
        self.setZValue(EDITABLE_Z if editable else SHOWN_Z)

    # --- geometry ------------------------------------------------------------
    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def box(self) -> Box:
        return rect_to_box(self._rect)

    def shows(self, box: Box, label: str) -> bool:
        """Whether this is ``box`` labelled ``label``, as it stands at rest: a move or resize under way has not moved
        it yet (its release reports it), a move or resize released and taken has (one not taken went back)."""
        return self._at_rest == box and self.label == visible(label)

    def boxes_given(self) -> None:
        """The pane was given its boxes (`BoxCanvas.set_boxes`): the window's answer to an edit reported, if any."""
        self._unanswered = False

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.normalized()
        self.update()

    def _scale(self) -> float:
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        return scale if scale > 0 else 1.0

    def _handle_size(self) -> float:
        return HANDLE_PX / self._scale()

    def _grab_reach(self) -> float:
        """How far from a handle's centre a press still grabs it, in scene units: a drawn handle (the
        selected box's) is a 24 px target."""
        return HANDLE_GRAB_PX / 2 / self._scale()

    def boundingRect(self) -> QRectF:  # Qt's name
        # Everything paint() draws, or the view leaves it on screen when the item
        # goes (the overlay's tag is drawn *under* the box and may be wider than it).
        scale = self._scale()
        margin = (HANDLE_GRAB_PX / 2 + 2) / scale  # the selected box's grab square (selected or not: the same bounds)
        rect = self._rect.adjusted(-margin, -margin, margin, margin)
        tag = self._tag(scale)
        if tag is not None:
            rect = rect.united(tag[0].adjusted(-1 / scale, -1 / scale, 1 / scale, 1 / scale))
        return rect

    def _tag(self, scale: float) -> tuple[QRectF, str] | None:
        """Where the label tag is drawn and its text; None: no tag (`box_tag`)."""
        return tag_place(self.label, self._rect, self.bounds, scale, under=self.dashed)

    def _handle_points(self, rect: QRectF | None = None) -> list[QPointF]:
        """The handles' centres on ``rect`` (the box's own rectangle by default), in `_HANDLES`' order."""
        r = self._rect if rect is None else rect
        cx, cy = r.center().x(), r.center().y()
        return [
            r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(),
            QPointF(cx, r.top()), QPointF(r.right(), cy), QPointF(cx, r.bottom()), QPointF(r.left(), cy),
        ]

    def hit_part(self, pos: QPointF) -> int | Literal["move"] | None:
        """What a press at ``pos`` (scene coords) takes: the selected box's handle, the nearest whose grab square
        holds it (its edges then move by the drag, `mouseMoveEvent`); "move" inside the box or on its drawn line
        outside the grab squares (the line's outer half, outside the rectangle, drew a second box where one aimed at
        the line to move it); else None. The handles win over the line: on a box under two grab squares wide (48
        px) they cover its lines, and a press there resizes by the nearest handle, as its cursor says. Inside a small
        box a handle reaches in at most a third of its side (never less than the drawn handle), so its middle still
        moves it. An unselected box's handles are not drawn, nor grabbed (they resized it from outside, under the
        cursor of a draw or of another box's move): it is taken inside (a box smaller than a drawn handle over that
        size round its middle), where the scene offers it a press (its shape), as in labelImg."""
        if not self.selected:
            return "move" if self.shape().contains(pos) else None
        reach = self._grab_reach()
        inside = self._rect.contains(pos)
        drawn = self._handle_size() / 2
        reach_x = max(drawn, min(reach, self._rect.width() / 3)) if inside else reach
        reach_y = max(drawn, min(reach, self._rect.height() / 3)) if inside else reach
        near = [(max(abs(p.x() - pos.x()), abs(p.y() - pos.y())), i) for i, p in enumerate(self._handle_points())
                if abs(p.x() - pos.x()) <= reach_x and abs(p.y() - pos.y()) <= reach_y]
        if near:
            return min(near)[1]
        line = (LINE_PX / 2 + EDGE_PX) / self._scale()  # the drawn line's outer half and its edging (`paint`)
        return "move" if self._rect.adjusted(-line, -line, line, line).contains(pos) else None

    def shape(self) -> QPainterPath:  # only the box and the selected box's handles take clicks
        path = QPainterPath()
        if self.selected:
            grow = self._grab_reach()
            path.addRect(self._rect.adjusted(-grow, -grow, grow, grow))
        else:  # at least a drawn handle's size: a box under a screen pixel (a small object at fit) is still taken
            least = self._handle_size()
            grow_x, grow_y = max(0.0, least - self._rect.width()) / 2, max(0.0, least - self._rect.height()) / 2
            path.addRect(self._rect.adjusted(-grow_x, -grow_y, grow_x, grow_y))
        return path

    # --- painting --------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = self._scale()
        color = SELECTED_COLOR if self.selected else self.color
        line = self.line_path(scale)
        painter.setPen(QPen(ink_on(color), 2 * EDGE_PX / scale))  # half of it outside the line: the edging
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(line)
        painter.fillPath(line, color)
        tag = self._tag(scale)
        if tag is not None:
            where, text = tag
            painter.setFont(tag_font(scale))
            painter.fillRect(where, QBrush(color))
            painter.setPen(QPen(ink_on(color)))  # black or white by contrast ratio, not HSL lightness
            painter.drawText(where, Qt.AlignmentFlag.AlignCenter, text)
        if self.editable and self.selected:
            size = self._handle_size()
            painter.setPen(QPen(Qt.GlobalColor.black, 1 / scale))
            painter.setBrush(QBrush(Qt.GlobalColor.white))
            for p in self._handle_points():
                painter.drawRect(QRectF(p.x() - size / 2, p.y() - size / 2, size, size))

    def line_path(self, scale: float) -> QPainterPath:
        """The box's line as an area (each dash of a dashed one its own), so it can be edged all round."""
        stroker = QPainterPathStroker()
        stroker.setWidth(LINE_PX / scale)
        stroker.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if self.dashed:
            stroker.setDashPattern(Qt.PenStyle.DashLine)
        outline = QPainterPath()
        outline.addRect(self._rect)
        return stroker.createStroke(outline)

    # --- interaction -------------------------------------------------------------
    def set_draw_mode(self, on: bool) -> None:
        """In draw mode a press on the box draws a new one: the cursor is the canvas's crosshair, at once
        (the mouse may be resting on the box when W is pressed)."""
        self._draw_mode = on
        if not self.editable:
            return
        if on:
            self.setCursor(Qt.CursorShape.CrossCursor)
            return
        pointer = self._pointer_on_me()
        if pointer is None:
            self.unsetCursor()  # the next hover says move or resize again
        else:
            # Under a pointer that has not moved since the window opened (a keyboard user's W, then Esc or
            # Enter), QGraphicsItem.unsetCursor made Qt 6.11 read the view's last mouse event, of which there
            # was none: the process died (SIGSEGV in QEventPoint::position), unsaved edits lost. The cursor of
            # what a press does there is set instead, as a hover would.
            self.setCursor(self._cursor_at(pointer) or Qt.CursorShape.CrossCursor)

    def _pointer_on_me(self) -> QPointF | None:
        """Where the mouse pointer is (scene coordinates), when a view of the scene has it over this box; None
        otherwise."""
        scene = self.scene()
        for view in scene.views() if scene is not None else ():
            if not view.underMouse():
                continue
            spot = view.viewport().mapFromGlobal(QCursor.pos())
            if self in view.items(spot):
                return view.mapToScene(spot)
        return None

    def _cursor_at(self, scene_pos: QPointF) -> Qt.CursorShape | None:
        """The cursor of what a press at ``scene_pos`` does, to the box it goes to (`press_for`: this box, or one
        under or over it: the box under the mouse showed its own part's, `box_cursor`); None: the view's."""
        target = self if self.press_for is None else self.press_for(scene_pos)
        return press_cursor(None if target is None else target.hit_part(scene_pos), self._draw_mode)

    def hoverMoveEvent(self, event) -> None:  # Qt's name
        # the cursor says what a press does: draw (draw mode), resize (a handle), move (the box)
        cursor = self._cursor_at(event.scenePos())
        if cursor is None:
            self.unsetCursor()  # (after a mouse event: the view has one to read)
        else:
            self.setCursor(cursor)

    def mousePressEvent(self, event) -> None:  # Qt's name
        if not self.editable or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        if self.press_for is not None and self.press_for(event.scenePos()) is not self:
            event.ignore()  # the scene offers it to the next box under the mouse, down to the one it is for
            return
        part = self.hit_part(event.pos())
        if part is None:
            event.ignore()
            return
        if self.on_pressed is not None:
            self.on_pressed(self.index)
        self._drag_mode = part
        self._dragging = False
        self._drag_start = event.scenePos()
        self._start_rect = QRectF(self._rect)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # Qt's name
        if self._drag_mode is None:
            return
        delta = event.scenePos() - self._drag_start
        if not self._dragging:
            # A click selects, it does not move: measured on screen, where a jitter's pixel or two is many image
            # pixels on a scaled-down photo
            if not is_drag(delta * self._scale()):
                return
            self._dragging = True
            if self.on_dragging is not None:
                self.on_dragging(True)
        r = QRectF(self._start_rect)
        if self._drag_mode == "move":
            r.translate(delta)
            if self.bounds is not None:
                dx = min(max(r.left(), self.bounds.left()), self.bounds.right() - r.width()) - r.left()
                dy = min(max(r.top(), self.bounds.top()), self.bounds.bottom() - r.height()) - r.top()
                r.translate(dx, dy)
        else:
            horizontal, vertical = _HANDLES[self._drag_mode]
            # The handle moves by the drag, from where it was, not to the pointer: a press off its centre (anywhere in
            # its 24 px grab square) moved its edges to the pointer at the first move, in both ways (a press on a
            # small box's top line by its corner, dragged straight up, moved its left edge to the pointer too).
            held = self._handle_points(self._start_rect)[self._drag_mode] + delta
            p = held if self.bounds is None else clamped(held, self.bounds)
            if horizontal == "l":
                r.setLeft(p.x())
            elif horizontal == "r":
                r.setRight(p.x())
            if vertical == "t":
                r.setTop(p.y())
            elif vertical == "b":
                r.setBottom(p.y())
        self.set_rect(r)

    @property
    def dragging(self) -> bool:
        """Being moved or resized by the mouse (past the click's few pixels), until the release."""
        return self._drag_mode is not None and self._dragging

    def cancel_drag(self) -> bool:
        """Escape: the box goes back to where the drag began and the drag ends; its release edits nothing,
        so no undo step is left (False: no drag was under way)."""
        if not self.dragging:
            return False
        self.set_rect(self._start_rect)
        self._end_drag()
        return True

    def _end_drag(self) -> None:
        dragged, self._drag_mode, self._dragging = self._dragging, None, False
        if dragged and self.on_dragging is not None:
            self.on_dragging(False)

    def mouseReleaseEvent(self, event) -> None:  # Qt's name
        if self._drag_mode is None:
            return
        dragged = self._dragging
        self._end_drag()
        if not dragged:
            return
        old, new = rect_to_box(self._start_rect), self.box()
        if new.width < MIN_SIZE or new.height < MIN_SIZE:
            self.set_rect(self._start_rect)
            return
        if new != old:
            was, self._at_rest, self._unanswered = self._at_rest, new, True
            if self.on_edited is not None:
                self.on_edited(self.index, old, new)
            if self._unanswered:
                # not taken (under half a pixel at a high zoom: the file keeps whole pixels), it goes back to the file's
                # box, as a drawn box nobody takes is not shown: left moved, the next redraw of that box cut a drag
                self.set_rect(self._start_rect)
                self._at_rest, self._unanswered = was, False

