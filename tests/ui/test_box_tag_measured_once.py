"""A labelled box's tag is worked out on every paint and every boundingRect the scene asks for; it built the tag's
font and its metrics two to four times each time (its height, its width, then again for an elided label). Once a
call now, and the tag is where and as wide as before, at any zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas import box_tag
from petloc_gui.ui.canvas.box_item import TAG_HEIGHT_PX, BoxItem


def _item(label: str, width: float) -> BoxItem:
    scene = QGraphicsScene()
    scene.setSceneRect(0, 0, width, 300)
    item = BoxItem(Box(10, 50, 40, 90), label, QColor("orange"))
    item.bounds = QRectF(0, 0, width, 300)  # the image, as the canvas sets it
    scene.addItem(item)
    item.scene_kept = scene  # (the scene lives as long as the item)
    return item


def _metrics() -> QFontMetricsF:
    font = QFont(QGuiApplication.font())
    font.setBold(True)
    return QFontMetricsF(font)


@pytest.mark.parametrize("label", ["cat", "x" * 300])
def test_one_font_metrics_a_call(qtbot, monkeypatch, label):
    item = _item(label, 120)
    built = []

    class Counted(QFontMetricsF):
        def __init__(self, *args) -> None:
            built.append(args)
            super().__init__(*args)

    monkeypatch.setattr(box_tag, "QFontMetricsF", Counted)
    assert item._tag(2.0) is not None
    assert len(built) == 1, built


@pytest.mark.parametrize("scale", [1.0, 2.0, 0.5])
def test_the_tag_is_sized_in_screen_pixels_at_any_zoom(qtbot, scale):
    metrics = _metrics()
    where, text = _item("cat", 400)._tag(scale)
    assert text == "cat"
    assert where.height() == pytest.approx(max(TAG_HEIGHT_PX, metrics.height() + 2) / scale)
    assert where.width() == pytest.approx((metrics.horizontalAdvance("cat") + 10) / scale)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_an_elided_tag_is_as_wide_as_its_elided_text(qtbot, scale):
    metrics = _metrics()
    where, text = _item("x" * 300, 120)._tag(scale)
    assert text == metrics.elidedText("x" * 300, Qt.TextElideMode.ElideRight, 120 * scale - 10)
    assert text.endswith("…") and where.width() == pytest.approx((metrics.horizontalAdvance(text) + 10) / scale)
