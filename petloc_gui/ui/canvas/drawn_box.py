"""The box being drawn on a pane: the dashed band dragged out from the press, and the size it will be kept at (its
corners stop at the picture's edge as a dragged handle does: `box_item.clamped`)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

# The rounding an edit gets (`ImageDocument.clamp_box`): the status line shows the size the file will hold
from petloc_gui.app.whole_pixels import whole_pixels
from petloc_gui.ui.canvas.box_item import GT_COLOR, clamped, rect_to_box
from petloc_gui.ui.canvas.click_or_drag import is_drag


def kept_size(rect: QRectF) -> tuple[float, float]:
    """Width and height the box ``rect`` (on the picture) will be kept at, in whole pixels. Each edge is rounded
    on its own: 59.6..170.4 is kept as 60..170, 110 wide, where the rubber band's 110.8 read 111."""
    box = whole_pixels(rect_to_box(rect))  # (`rect_to_box` sorts it)
    return box.width, box.height


class DrawnBand:
    """A left press's band on a pane's ``scene``: from the press's ``corner`` (on the picture ``picture``) to the
    mouse. The press is a click until the mouse leaves its click distance on screen (`is_drag`); until then the
    band stays a point, and a release draws no box: a jitter of a screen pixel or two is many image pixels on a
    scaled-down photo."""

    def __init__(self, scene: QGraphicsScene, picture: QRectF, corner: QPointF, press_at: QPointF) -> None:
        self.picture = QRectF(picture)
        self.corner = clamped(corner, picture)
        self._click_at: QPointF | None = QPointF(press_at)  # on the viewport; None once dragged
        self.item = QGraphicsRectItem(QRectF(self.corner, self.corner))
        pen = QPen(GT_COLOR, 0)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.item.setPen(pen)
        self.item.setZValue(50)
        scene.addItem(self.item)

    @property
    def clicked(self) -> bool:
        """Whether the mouse has stayed within the press's click distance (a click, not a drag) so far."""
        return self._click_at is not None

    def stretch(self, mouse_at: QPointF, mouse_on_scene: QPointF) -> QRectF | None:
        """The band to the mouse (``mouse_at`` on the viewport, ``mouse_on_scene`` on the picture): the rectangle
        it now shows, or None while the press is still a click."""
        if self._click_at is not None and not is_drag(mouse_at - self._click_at):
            return None
        self._click_at = None
        rect = QRectF(self.corner, clamped(mouse_on_scene, self.picture)).normalized()
        self.item.setRect(rect)
        return rect

    def remove(self) -> QRectF:
        """The dragged-out rectangle (empty if it was a click), the band taken off the scene."""
        scene = self.item.scene()
        if scene is not None:
            scene.removeItem(self.item)
        return QRectF() if self.clicked else self.item.rect()
