"""Box colours a red-green colour-blind annotator tells apart, edged so they stand out on any photo.
The old green GT and orange prediction came out 37 (deuteranopia) and 17 (protanopia) CIE dE apart,
both khaki on a tan Abyssinian (hunt8 #2). Colour vision is simulated with Machado, Oliveira and
Fernandes 2009 (severity 1.0), applied to linear RGB; the difference is CIE76 dE in CIELAB (D65)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import GT_COLOR, PRED_COLOR, SELECTED_COLOR, BoxItem
from petloc_gui.ui.canvas.contrast import luminance

MACHADO = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.953070)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
}
APART_DE = 40.0  # clearly two colours at a glance (the old pair: 37 and 17 under these two)


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(color: QColor, vision: str) -> tuple[float, float, float]:
    rgb = [_linear(c) for c in (color.redF(), color.greenF(), color.blueF())]
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in MACHADO[vision])
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(one: QColor, other: QColor, vision: str) -> float:
    return sum((a - b) ** 2 for a, b in zip(_lab(one, vision), _lab(other, vision), strict=True)) ** 0.5


def test_the_simulation_reproduces_the_hunt_s_figures_for_the_old_pair():
    old_gt, old_pred = QColor(0, 200, 90), QColor(255, 140, 0)
    assert _delta_e(old_gt, old_pred, "deuteranopia") < APART_DE
    assert _delta_e(old_gt, old_pred, "protanopia") < 20


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia"])
def test_ground_truth_prediction_and_selection_stay_apart_for_colour_blind_eyes(vision):
    assert _delta_e(GT_COLOR, PRED_COLOR, vision) >= APART_DE
    assert _delta_e(SELECTED_COLOR, PRED_COLOR, vision) >= APART_DE  # a selected box beside the overlay


def _scan_across_left_edge(item: BoxItem) -> list[float]:
    """Luminance of the pixels across the box's left edge (x = 20), drawn at 1:1 on mid grey."""
    scene = QGraphicsScene()
    scene.addItem(item)
    image = QImage(100, 100, QImage.Format_ARGB32)
    image.fill(QColor(128, 128, 128))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    scene.render(painter, QRectF(0, 0, 100, 100), QRectF(0, 0, 100, 100))
    painter.end()
    return [luminance(image.pixelColor(x, 50)) for x in range(12, 29)]


@pytest.mark.parametrize("color", [GT_COLOR, PRED_COLOR, SELECTED_COLOR], ids=["gt", "prediction", "selected"])
@pytest.mark.parametrize("dashed", [False, True], ids=["solid", "dashed"])
def test_each_box_line_is_edged_in_black_or_white(qtbot, color, dashed):
    item = BoxItem(Box(20, 20, 80, 80), "", color, dashed=dashed)
    if dashed:  # a dash across the scan line: the edge from y = 20, where the first dash starts
        item = BoxItem(Box(20, 45, 80, 80), "", color, dashed=True)
    scan = _scan_across_left_edge(item)
    grey = luminance(QColor(128, 128, 128))
    assert any(abs(value - luminance(color)) < 0.05 for value in scan), scan  # the line itself
    if luminance(color) > grey:  # a light line: a dark edging beside it, darker than line and photo
        assert min(scan) < 0.08, scan
    else:
        assert max(scan) > 0.6, scan
