"""The Dataset panel's box-size chart: a histogram, described in words for a screen reader."""

from __future__ import annotations

import math

from PySide6.QtCharts import QAreaSeries, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor

from petloc_gui.ui.chart_height import hold_readable_minimum, readable_chart_height

HISTOGRAM_BINS = 16
MIN_HEIGHT_PX = 200  # at the default font; more at a larger one (`readable_chart_height`)


def histogram(values: list[float], bins: int = HISTOGRAM_BINS) -> tuple[list[float], list[int]]:
    """Bin edges (bins + 1 of them) and counts of ``values`` over their range."""
    if not values:
        return [], []
    low, high = min(values), max(values)
    if high <= low:
        return [low - 0.5, low + 0.5], [len(values)]
    width = (high - low) / bins
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - low) / width))] += 1
    return [low + i * width for i in range(bins + 1)], counts


def _y_axis(counts: list[int]) -> QValueAxis:
    """Counts: whole-number ticks (a "%d" label on a fractional tick read 0, 1, 1, 2, 2)."""
    top = max([*counts, 1])
    step = max(1, math.ceil(top / 5))
    axis = QValueAxis()
    axis.setRange(0, step * math.ceil(top * 1.1 / step))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    return axis


def _histogram_chart(title: str, edges: list[float], counts: list[int]) -> QChart:
    """A step-shaped area over a numeric x axis (readable tick labels at any bin width)."""
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    upper = QLineSeries()
    for i, count in enumerate(counts):
        upper.append(edges[i], count)
        upper.append(edges[i + 1], count)
    area = QAreaSeries(upper)
    upper.setParent(area)  # QAreaSeries does not own its line series: keep it alive with the area
    area.setColor(QColor(32, 159, 223))
    area.setBorderColor(QColor(20, 100, 160))
    chart.addSeries(area)
    return _with_axes(chart, area, _x_axis(edges), _y_axis(counts))


def nice_step(span: float, ticks: int = 4) -> float:
    """A tick interval of 1, 2 or 5 times a power of ten giving about ``ticks`` intervals over ``span``."""
    raw = span / ticks if span > 0 else 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def _x_axis(edges: list[float]) -> QValueAxis:
    """Sizes: ticks on round values (5 evenly spaced ticks from 21 to 28 read "21, 23, 24, 26, 28" under "%.0f",
    each up to 0.5 off), labelled with as many decimals as the interval has."""
    axis = QValueAxis()
    if not edges:
        return axis
    axis.setRange(edges[0], edges[-1])
    step = nice_step(edges[-1] - edges[0])
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(math.ceil(edges[0] / step) * step)
    axis.setTickInterval(step)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    axis.setLabelFormat(f"%.{decimals}f")
    return axis


def _with_axes(chart: QChart, series, axis_x, axis_y) -> QChart:
    """Attach the x (bottom) and y (left) axes to the chart's one series; no margins."""
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    chart.setMargins(chart.margins() * 0)
    return chart


class SizeChartView(QChartView):
    """A chart view whose preferred height is its minimum, not the height it was last given: the scroll
    area sizes the panel's body by its preferred height for the width (the figures wrap), and a
    QGraphicsView prefers its scene's size, so a chart grown to fill the panel kept that height once the
    model's figures were added above it, and pushed its axis below the fold. No Tab stop: a picture, no
    keys of its own (it was one, unmarked, and the arrows there moved the image's box)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # a picture: a screen reader hears its figures from its description (`show_histogram`)
        self.setAccessibleName("Box sizes")
        self.setAccessibleDescription("No boxes yet.")
        hold_readable_minimum(self, MIN_HEIGHT_PX)  # over the minimum QChartView set as it was built

    def changeEvent(self, event) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            hold_readable_minimum(self, MIN_HEIGHT_PX)

    def minimumSizeHint(self) -> QSize:  # Qt's name; asked again when the font changes
        return QSize(super().minimumSizeHint().width(), readable_chart_height(self, MIN_HEIGHT_PX))

    def resizeEvent(self, event) -> None:  # Qt's name: QChartView sets its minimum size here (`hold_readable_minimum`)
        super().resizeEvent(event)
        hold_readable_minimum(self, MIN_HEIGHT_PX)

    def sizeHint(self) -> QSize:  # Qt's name
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def show_histogram(self, title: str, edges: list[float], counts: list[int]) -> None:
        """``counts`` between the bins' ``edges`` (`histogram`), drawn and said."""
        self.setChart(_histogram_chart(title, edges, counts))
        self.setAccessibleDescription(histogram_words(title, edges, counts))


def histogram_words(title: str, edges: list[float], counts: list[int]) -> str:
    """A histogram in words: "Box size (√(w·h), px): 30 boxes from 41 to 220, most (9) from 95 to 106"."""
    total = sum(counts)
    if not total:
        return f"{title}: no boxes yet."
    top = max(range(len(counts)), key=counts.__getitem__)
    plural = "box" if total == 1 else "boxes"
    return (f"{title}: {total} {plural} from {edges[0]:.0f} to {edges[-1]:.0f}, "
            f"most ({counts[top]}) from {edges[top]:.0f} to {edges[top + 1]:.0f}")
