"""The frame round the pane that has the keyboard stays whole when the picture is panned. A pan
scrolls the viewport's pixels, the frame's with them, and Qt repaints only the strip uncovered:
without the frame's edges drawn again (`BoxCanvas.scrollContentsBy`), one side of the frame slid
into the picture and the other side was gone. `QWidget.grab` paints the widget afresh and cannot
see this; the window's backing store, as the screen shows it, can."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from petloc_gui.ui.canvas.box_canvas import FOCUS_FRAME_PX, BoxCanvas

HIGHLIGHT = QColor(255, 0, 255)


def _sides(window: QWidget, canvas: BoxCanvas) -> list[QColor]:
    """The colours at the left and right edges of the pane, halfway down, as on the screen."""
    shown = window.screen().grabWindow(window.winId()).toImage()
    corner = canvas.viewport().mapTo(window, canvas.viewport().rect().topLeft())
    width, y = canvas.viewport().width(), corner.y() + canvas.viewport().height() // 2
    return [shown.pixelColor(corner.x() + x, y) for x in (0, 1, width - 2, width - 1)]


def test_the_frame_is_whole_after_a_pan_either_way(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    canvas = BoxCanvas(editable=True)
    layout = QVBoxLayout(window)
    layout.addWidget(canvas)
    layout.addWidget(QLineEdit())
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Highlight, HIGHLIGHT)
    window.setPalette(palette)
    window.resize(300, 300)
    window.show()
    qtbot.waitExposed(window)
    picture = QImage(200, 100, QImage.Format_RGB32)
    picture.fill(QColor(200, 180, 140))
    canvas.show_image(picture, (200, 100))
    window.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    canvas.zoom_by(4.0)  # wider than the pane: it pans
    bar = canvas.horizontalScrollBar()
    assert bar.maximum() > 100
    qtbot.waitUntil(lambda: _sides(window, canvas) == [HIGHLIGHT] * 4)
    for step in (30, -60):
        bar.setValue(bar.value() + step)
        qtbot.wait(100)  # the repaint
        assert _sides(window, canvas) == [HIGHLIGHT] * 4, step


def _highlight_off_the_frame(window: QWidget, canvas: BoxCanvas) -> list[tuple[int, int]]:
    """Every pixel of the pane, as the screen shows it, that has the frame's colour but is not the frame."""
    shown = window.screen().grabWindow(window.winId()).toImage()
    corner = canvas.viewport().mapTo(window, canvas.viewport().rect().topLeft())
    width, height = canvas.viewport().width(), canvas.viewport().height()
    frame = FOCUS_FRAME_PX
    return [(x, y) for y in range(0, height, 3) for x in range(width)
            if frame <= x < width - frame and frame <= y < height - frame
            and shown.pixelColor(corner.x() + x, corner.y() + y) == HIGHLIGHT]


def test_no_stripe_of_the_frame_is_left_in_the_picture_by_a_pan(qtbot):
    """A right-drag pans in steps of about 12 px, more than the 4 px strip along the edges that was
    repainted: each step carried the frame's old line into the picture, a comb of light-blue lines
    that looked like box edges (hunt_sp #5)."""
    window = QWidget()
    qtbot.addWidget(window)
    canvas = BoxCanvas(editable=True)
    layout = QVBoxLayout(window)
    layout.addWidget(canvas)
    layout.addWidget(QLineEdit())
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Highlight, HIGHLIGHT)
    window.setPalette(palette)
    window.resize(300, 300)
    window.show()
    qtbot.waitExposed(window)
    picture = QImage(200, 200, QImage.Format_RGB32)
    picture.fill(QColor(200, 180, 140))
    canvas.show_image(picture, (200, 200))
    window.activateWindow()
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    canvas.zoom_by(4.0)  # larger than the pane both ways: it pans both ways
    across, down = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    assert across.maximum() > 100 and down.maximum() > 100
    qtbot.waitUntil(lambda: _sides(window, canvas) == [HIGHLIGHT] * 4)
    for dx, dy in ((12, 0), (12, 0), (-13, 0), (0, 12), (0, -11), (9, 14), (-30, -25)):
        across.setValue(across.value() + dx)
        down.setValue(down.value() + dy)
        qtbot.wait(50)  # the repaint
    assert _highlight_off_the_frame(window, canvas) == []
    assert _sides(window, canvas) == [HIGHLIGHT] * 4
