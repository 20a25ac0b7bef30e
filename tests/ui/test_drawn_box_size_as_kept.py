"""While a box is drawn the status line shows the size the box will be kept at: it showed the rubber band's
own width rounded (110.8 read "box 111 × 100") where the box kept rounds each edge (60..170, 110 wide)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from .conftest import open_and_wait


def _send(view, kind, at: QPoint) -> None:
    """A mouse event at viewport pixel ``at`` (the left button held from the press to the release)."""
    buttons = Qt.NoButton if kind == QEvent.MouseButtonRelease else Qt.LeftButton
    pressed = Qt.LeftButton if kind != QEvent.MouseMove else Qt.NoButton
    position = QPointF(at)
    event = QMouseEvent(kind, position, view.viewport().mapToGlobal(position), pressed, buttons, Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def _band_rounds_otherwise(view, start: QPoint, end: QPoint) -> bool:
    """Whether the rubber band from ``start`` to ``end`` (viewport pixels, mapped as the pane maps them) is
    wide or high by an amount that rounds to another number than its edges rounded one by one give."""
    a, b = view.mapToScene(start), view.mapToScene(end)
    width, height = abs(b.x() - a.x()), abs(b.y() - a.y())
    kept_width = abs(round(b.x()) - round(a.x()))
    kept_height = abs(round(b.y()) - round(a.y()))
    return round(width) != kept_width or round(height) != kept_height


def test_the_size_shown_while_drawing_is_the_size_kept(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # no box yet
    view = window.panel.gt_pane
    doc = window.session.store.document(3)
    window.act["draw_mode"].setChecked(True)  # a drag draws wherever it starts
    view.zoom_by(1.25)  # a screen pixel is a fraction of an image pixel: the band's edges fall between pixels
    origin = view.mapFromScene(QPointF(10, 10))
    drags = [(origin, origin + QPoint(dx, dy)) for dx in range(40, 90, 7) for dy in range(30, 60, 11)]
    assert any(_band_rounds_otherwise(view, *drag) for drag in drags)  # the case of the report is among them
    for start, end in drags:
        if not window.act["draw_mode"].isChecked():
            window.act["draw_mode"].setChecked(True)
        _send(view, QEvent.MouseButtonPress, start)
        _send(view, QEvent.MouseMove, end)
        shown = window.cursor_label.text().split("box ")[1]
        _send(view, QEvent.MouseButtonRelease, end)
        box = doc.objects[-1].box
        assert shown == f"{box.width:.0f} × {box.height:.0f}", (start, end)
