"""Putting one scene point at one spot of a pane's viewport: a zoom keeps the image point under the pointer where
it was, and a pane following another shows that pane's middle point in its own middle.

QGraphicsView's own anchor (AnchorUnderMouse) cannot do it while the scaled picture is narrower or shorter
than the pane: the view centres a scene rect smaller than its viewport on that axis, whatever the anchor, so
the point under the pointer slid (a 600x400 photo in a tall pane: y 115 became y 132 after one step). The
view's scene rect is grown here to the picture and the view wanted together, so the view can scroll there;
a pan shrinks it back to the picture and what is in view (`trim_to_view`), and a fit to the picture alone, centred.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QGraphicsView

# A picture that fits the view on an axis gets a scene span this many screen pixels short of the viewport: one
# exactly as long may map a rounding error longer, and show a scroll bar for nothing.
_SLACK_PX = 0.5
_TRIES = 4  # a scroll bar shown or hidden resizes the viewport (and may call for the other): place again
_CLOSE_PX = 0.5  # how far off its spot the point may be left (a scroll value is whole pixels)
_TRIM_PX = 1.0  # scene rect past the picture and the view that a pan leaves (a scroll value's rounding and more)
_FIT_MARGIN = 2.0  # scene units round a fitted picture (`fit_picture`)
MAX_ZOOM = 32.0  # screen pixels per image pixel at the most: each pixel a square to aim in (`zoom_limited`)
LEAST_OF_FIT = 1 / 8  # the least zoom, a share of the one that fits the picture in the view


def viewport_to_scene(view: QGraphicsView, point: QPointF) -> QPointF:
    """The scene point shown at ``point`` of the viewport, unrounded (`mapToScene` takes whole pixels)."""
    inverse, _invertible = view.viewportTransform().inverted()
    return inverse.map(QPointF(point))


def place(view: QGraphicsView, picture: QRectF, scene_point: QPointF, spot: QPointF | None = None) -> None:
    """Scroll ``view`` (at its present zoom) so ``scene_point`` shows at ``spot`` of its viewport (None: its
    middle, as `PaneSync` takes it, wherever a scroll bar shown or hidden moves it), within a screen pixel.
    Its scene rect becomes what that needs (`_span`): a scroll bar shows on an axis only where the picture runs
    past the view."""
    shift_x = shift_y = 0.0  # scene units the view put the point off by, on an axis it centres: taken back
    for _ in range(_TRIES):
        port = view.viewport()
        size = port.size()
        at = spot if spot is not None else QPointF(port.rect().center())
        scale_x, scale_y = view.transform().m11(), view.transform().m22()
        left, right = _span(picture.left(), picture.right(), scene_point.x() - at.x() / scale_x + shift_x,
                            size.width() / scale_x, _SLACK_PX / scale_x)
        top, bottom = _span(picture.top(), picture.bottom(), scene_point.y() - at.y() / scale_y + shift_y,
                            size.height() / scale_y, _SLACK_PX / scale_y)
        view.setSceneRect(QRectF(left, top, right - left, bottom - top))
        shown = view.viewportTransform().map(scene_point)
        # a larger scroll value moves the picture left (up): scroll by how far the point is right of (below) it
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + round(shown.x() - at.x()))
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + round(shown.y() - at.y()))
        _lay_out_scroll_bars(view)
        shown = view.viewportTransform().map(scene_point)
        off_x, off_y = shown.x() - at.x(), shown.y() - at.y()
        if port.size() == size and abs(off_x) <= _CLOSE_PX and abs(off_y) <= _CLOSE_PX:
            return
        # left over on an axis the view centres (or a scroll bar's end): the next span is moved by as much
        shift_x += off_x / scale_x if abs(off_x) > _CLOSE_PX else 0.0
        shift_y += off_y / scale_y if abs(off_y) > _CLOSE_PX else 0.0


def trim_to_view(view: QGraphicsView, picture: QRectF) -> bool:
    """After a pan: ``view``'s scene rect shrinks to ``picture`` and what the view shows now (`_span`), the view
    kept where it is (its top left corner, if a scroll bar goes). Grey a zoom added round the picture, once out of
    view, cannot be scrolled back to: it stayed until the next fit. Not while a scroll bar's handle is held: its
    range changing under the mouse would move the view (the handle's release pans). True if it shrank."""
    if view.horizontalScrollBar().isSliderDown() or view.verticalScrollBar().isSliderDown():
        return False
    size = view.viewport().size()
    scale_x, scale_y = view.transform().m11(), view.transform().m22()
    corner = viewport_to_scene(view, QPointF(0, 0))
    left, right = _span(picture.left(), picture.right(), corner.x(), size.width() / scale_x, _SLACK_PX / scale_x)
    top, bottom = _span(picture.top(), picture.bottom(), corner.y(), size.height() / scale_y, _SLACK_PX / scale_y)
    now = view.sceneRect()
    spare = ((left - now.left()) * scale_x, (now.right() - right) * scale_x,
             (top - now.top()) * scale_y, (now.bottom() - bottom) * scale_y)  # screen pixels, on each side
    if max(spare) <= _TRIM_PX:
        return False
    place(view, picture, corner, QPointF(0, 0))
    return True


def fit_picture(view: QGraphicsView, picture: QRectF) -> None:
    """``view`` shows all of ``picture``, centred (with a 2-pixel margin): its scene rect is the picture alone
    again, what a zoom added round it gone, and so are the scroll bars (a bar left in place until the next
    event had the fit made for a smaller viewport; its going resizes the view, which fits again)."""
    view.setSceneRect(picture)
    if not picture.isEmpty():
        margin = _FIT_MARGIN
        view.fitInView(picture.adjusted(-margin, -margin, margin, margin), Qt.AspectRatioMode.KeepAspectRatio)
    _lay_out_scroll_bars(view)


def _lay_out_scroll_bars(view: QGraphicsView) -> None:
    """The scroll bars ``view`` shows or hides after a change, shown or hidden now: the view does it through
    a queued call, and by the next event a bar shown had shrunk the viewport and moved a centred picture by
    half its width (7 px), a bar hidden had left a fit for the smaller viewport."""
    QCoreApplication.sendPostedEvents(view, QEvent.Type.MetaCall)


def _span(first: float, last: float, start: float, length: float, slack: float) -> tuple[float, float]:
    """The scene rect's span on one axis, for a picture from ``first`` to ``last`` and a view showing ``length``
    from ``start``. A picture inside the view: a span round it centred on the view's middle, shorter than the
    view by ``slack``, which the view centres (no scroll bar); else the picture and the view together, over
    which the view scrolls."""
    middle_point = start + length / 2
    if start <= first and last <= start + length:
        half = min(max(middle_point - first, last - middle_point), (length - slack) / 2)
        return middle_point - half, middle_point + half
    return min(first, start), max(last, start + length)


def zoom_limited(view: QGraphicsView, picture: QRectF, factor: float) -> float:
    """``factor``, cut where it would take ``view``'s zoom past `MAX_ZOOM` or under `LEAST_OF_FIT` of the zoom that
    fits ``picture`` in its viewport (1.0: at that limit). A zoom already past a limit (a tiny picture fitted larger
    than the most) goes no further past it. With no limit, 70 notches in took the scroll values past what an int
    holds: each further notch an OverflowError, the pane grey; zoomed out, a picture shrank to a few pixels."""
    scale = view.transform().m11()
    if scale <= 0 or picture.isEmpty():
        return factor
    port = view.viewport().size()
    span = 2 * _FIT_MARGIN
    fit = min(port.width() / (picture.width() + span), port.height() / (picture.height() + span))  # (`fit_picture`)
    least, most = min(scale, fit * LEAST_OF_FIT), max(scale, MAX_ZOOM)
    return min(max(scale * factor, least), most) / scale


class SteadyZoom:
    """Zooms one view, each step keeping the image point at its spot (`place`). Steps at one spot keep the point
    the first of them took: scroll values are whole pixels, so each step may leave it up to half a pixel off,
    and measured again at every step those halves added up (a pixel and more after a few wheel notches)."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._last: tuple[QPointF, QPointF] | None = None  # the spot of the last step, and its scene point

    def zoom(self, picture: QRectF, factor: float, spot: QPointF | None = None) -> None:
        """Zoom by ``factor``, the scene point at ``spot`` of the viewport kept there; None: the pointer's spot
        when it is over the view (a zoom key pressed there), else the middle (the View menu's items)."""
        view = self._view
        if spot is None:
            port = view.viewport()
            spot = QPointF(port.mapFromGlobal(QCursor.pos()) if port.underMouse() else port.rect().center())
        under = viewport_to_scene(view, spot)
        if self._last is not None and self._last[0] == spot:
            kept = view.viewportTransform().map(self._last[1])
            if abs(kept.x() - spot.x()) <= 1 and abs(kept.y() - spot.y()) <= 1:  # not panned since: the same point
                under = self._last[1]
        anchor = view.transformationAnchor()
        # `place` scrolls: the view's own anchor would not hold
        view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        try:
            view.scale(factor, factor)
        finally:
            view.setTransformationAnchor(anchor)
        place(view, picture, under, spot)
        self._last = (QPointF(spot), under)
