"""The Dataset panel's box-size chart and the training curves keep room for their labels at a large font:
a fixed 200-220 px left QtCharts room for none at 16 pt, every tick drawn as "…"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont

from petloc_gui.ui.chart_height import CHART_LINES
from petloc_gui.ui.review import size_chart
from petloc_gui.ui.review.size_chart import SizeChartView, histogram
from petloc_gui.ui.training import curves_chart
from petloc_gui.ui.training.curves_chart import CurvesChart


@pytest.mark.parametrize(("make", "floor_px"), [(SizeChartView, size_chart.MIN_HEIGHT_PX),
                                                (CurvesChart, curves_chart.MIN_HEIGHT_PX)],
                         ids=["size_chart", "curves"])
def test_a_chart_grows_with_its_font_and_keeps_its_floor(qtbot, make, floor_px) -> None:
    chart = make()
    qtbot.addWidget(chart)
    font = QFont(chart.font())
    font.setPointSize(6)
    chart.setFont(font)
    assert chart.minimumSizeHint().height() == floor_px  # the pixel floor holds at a small font
    font.setPointSize(16)
    chart.setFont(font)  # as the app font reaches it when the user raises it
    lines = chart.fontMetrics().height()
    assert lines >= 18, lines  # a 16-pt font is taller than the default one in any style
    assert chart.minimumSizeHint().height() >= CHART_LINES * lines - 1
    assert chart.minimumSizeHint().height() > floor_px


def test_the_size_chart_prefers_its_minimum_in_the_panel(qtbot) -> None:
    chart = SizeChartView()
    qtbot.addWidget(chart)
    chart.show_histogram("Box size", *histogram([10.0, 20.0, 30.0]))
    assert chart.sizeHint().height() == chart.minimumSizeHint().height()
    font = QFont(chart.font())
    font.setPointSize(16)
    chart.setFont(font)
    assert chart.sizeHint().height() == chart.minimumSizeHint().height()


@pytest.mark.parametrize("make", [SizeChartView, CurvesChart], ids=["size_chart", "curves"])
def test_the_minimum_qchartview_sets_never_goes_below_the_readable_height(qtbot, make) -> None:
    """QChartView sets its own minimum size (~107 px) as it is built and on each resize, and a minimum set wins over
    minimumSizeHint in a splitter: the Retraining window's curves were squeezed to ~110 px of "…" once the
    comparison showed. The chart's minimum height is held at its readable height."""
    chart = make()
    qtbot.addWidget(chart)
    chart.show()
    for height in (400, 90, 300):
        chart.resize(400, height)
        qtbot.wait(10)
        assert chart.minimumHeight() >= chart.minimumSizeHint().height(), (height, chart.minimumHeight())
    font = QFont(chart.font())
    font.setPointSize(16)
    chart.setFont(font)
    assert chart.minimumHeight() >= chart.minimumSizeHint().height()


@pytest.mark.parametrize("make", [SizeChartView, CurvesChart], ids=["size_chart", "curves"])
def test_a_smaller_font_lowers_the_minimum_again(qtbot, make) -> None:
    chart = make()
    qtbot.addWidget(chart)
    font = QFont(chart.font())
    font.setPointSize(16)
    chart.setFont(font)
    large = chart.minimumHeight()
    font.setPointSize(6)
    chart.setFont(font)
    assert chart.minimumHeight() == chart.minimumSizeHint().height() < large  # not held at the large font's
