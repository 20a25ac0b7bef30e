"""The Retraining window lies over the image list, as wide as it (`progress_width`): on an 800 x 800 screen (the
gallery's) 356 px at scale 1 and 295 logical px at 1.5, its chart ~330 and ~270 px wide. QtCharts elides legend
names that do not fit its one row: the legend read "training l… · val. accur… · val. mean…" at 1 and "trainin… ·
val. ac… · val. m…" at 1.5. Its names are short now (the axes' words: "loss", "val. acc.", "val. IoU"), drawn whole
at those widths; a screen reader still hears the figures by their full names (`_describe`)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from petloc_gui.ui.training.curves_chart import CurvesChart


def _drawn_names(item: QGraphicsItem) -> list[str]:
    """The legend's names as QtCharts draws them (its markers' text items, "…" where it elided one)."""
    names = []
    for child in item.childItems():
        text = child.toGraphicsObject()
        if isinstance(text, QGraphicsTextItem):
            names.append(text.toPlainText())
        names += _drawn_names(child)
    return names


@pytest.mark.parametrize("width", [330, 270])
def test_the_legend_names_are_drawn_whole_in_the_narrow_window(qtbot, width):
    chart = CurvesChart()
    qtbot.addWidget(chart)
    chart.resize(width, chart.minimumSizeHint().height())
    chart.show()
    qtbot.waitExposed(chart)
    legend = chart.chart().legend()
    names = [marker.label() for marker in legend.markers()]
    qtbot.waitUntil(lambda: len(_drawn_names(legend)) == len(names), timeout=3000)
    assert _drawn_names(legend) == names


def test_a_screen_reader_hears_the_full_names(qtbot):
    chart = CurvesChart()
    qtbot.addWidget(chart)
    chart.reset(epochs=5)
    chart.add_epoch({"epoch": 2, "loss": 0.4213, "val_accuracy": 0.9, "val_mean_iou": 0.71})
    assert chart.accessibleDescription() == "epoch 2 of 5: training loss 0.421, val. accuracy 0.9, val. mean IoU 0.71"
