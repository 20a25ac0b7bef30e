"""The box-size chart's x ticks sit on round values and their labels are exact: five evenly spaced ticks from
21 to 28 were labelled "21, 23, 24, 26, 28" under "%.0f" (ticks at 22.75 and 26.25: up to 0.5 off)."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QValueAxis

from petloc_gui.ui.review.size_chart import _histogram_chart, histogram, nice_step


@pytest.mark.parametrize(("span", "step"), [(7.0, 2.0), (400.0, 100.0), (1.2, 0.5), (30.0, 10.0), (0.07, 0.02)])
def test_nice_steps(span, step):
    assert nice_step(span) == pytest.approx(step)


@pytest.mark.parametrize("values", [[21.0, 24.5, 28.0], [38.0, 120.0, 432.0], [3.1, 3.5, 4.2]])
def test_each_tick_label_is_its_value(qapp, values):
    edges, counts = histogram(values)
    chart = _histogram_chart("Box size", edges, counts)
    axis = chart.axes()[0]
    assert axis.tickType() == QValueAxis.TickType.TicksDynamic  # ticks where the interval says
    step, anchor = axis.tickInterval(), axis.tickAnchor()
    ticks = [anchor + i * step for i in range(int((edges[-1] - anchor) / step + 1e-9) + 1)]
    assert len(ticks) >= 2
    for tick in ticks:
        label = axis.labelFormat() % tick
        assert abs(float(label) - tick) < 1e-9, (label, tick)  # the label says the tick's value
