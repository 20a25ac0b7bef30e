"""The Images list's status colours read at 4.5:1 (WCAG 1.4.3) on a light and on a dark palette.

Fixed colours gave 2.96-3.57:1 on white (no annotation, edited, verified, saved) and 2.38:1 for an
error on a dark list.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from petloc_gui.app.image_document import (
    STATUS_EDITED,
    STATUS_ERROR,
    STATUS_NONE,
    STATUS_PRELABEL,
    STATUS_SAVED,
    STATUS_VERIFIED,
)
from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.file_list import COL_PRED, COL_STATUS, FileListModel

STATUSES = (STATUS_NONE, STATUS_PRELABEL, STATUS_EDITED, STATUS_SAVED, STATUS_VERIFIED, STATUS_ERROR)


def _luminance(color: QColor) -> float:  # WCAG 2, written out here apart from the product's
    channels = []
    for value in (color.redF(), color.greenF(), color.blueF()):
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _ratio(a: QColor, b: QColor) -> float:
    la, lb = _luminance(a), _luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _palette(base: QColor, alternate: QColor, text: QColor) -> QPalette:
    palette = QPalette(QGuiApplication.palette())
    for group in (QPalette.Active, QPalette.Inactive):
        palette.setColor(group, QPalette.Base, base)
        palette.setColor(group, QPalette.AlternateBase, alternate)
        palette.setColor(group, QPalette.Text, text)
    return palette


LIGHT = (QColor(255, 255, 255), QColor(245, 245, 245), QColor(0, 0, 0))
DARK = (QColor(35, 35, 35), QColor(53, 53, 53), QColor(255, 255, 255))  # Fusion's usual dark palette


@pytest.fixture
def app_palette(qapp):
    kept = QGuiApplication.palette()
    yield lambda colors: QGuiApplication.setPalette(_palette(*colors))
    QGuiApplication.setPalette(kept)


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_every_status_and_the_disagreement_read_at_4_5_to_1(qtbot, app_palette, colors):
    app_palette(colors)
    base, alternate, _text = colors
    model = FileListModel([f"{s}.png" for s in STATUSES] + ["disagree.png", "gone.png"], [True] * (len(STATUSES) + 2))
    for row, status in enumerate(STATUSES):
        model.set_status(row, status)
    last = len(STATUSES)
    model.set_ground_truth(last, "dog", Box(0, 0, 10, 10), False)
    model.set_prediction(last, "cat", 0.9, Box(0, 0, 10, 10))
    model.set_gone({last + 1})
    cells = [(row, COL_STATUS) for row in range(len(STATUSES))] + [(last, COL_PRED), (last + 1, COL_STATUS)]
    for row, col in cells:
        color = model.data(model.index(model.view_row(row), col), Qt.ForegroundRole)
        assert color is not None, (row, col)
        for background in (base, alternate):
            assert _ratio(QColor(color), background) >= 4.5, (model.names[row], col, QColor(color).name())


def test_a_status_keeps_its_hue(qtbot, app_palette):
    app_palette(LIGHT)
    model = FileListModel(["a.png", "b.png"], [True, True])
    model.set_status(0, STATUS_VERIFIED)
    model.set_status(1, STATUS_ERROR)
    green = QColor(model.data(model.index(0, COL_STATUS), Qt.ForegroundRole))
    red = QColor(model.data(model.index(1, COL_STATUS), Qt.ForegroundRole))
    assert green.green() > max(green.red(), green.blue())  # still green, still red: only darker here
    assert red.red() > max(red.green(), red.blue())
