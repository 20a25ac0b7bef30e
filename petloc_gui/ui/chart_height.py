"""The least height a chart is readable at, counted in lines of its font rather than pixels."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# A title, the x labels (and an axis title or a legend) and five y ticks with a gap between each: at a
# 16-pt font (24 px lines) the fixed 200-220 px of before left QtCharts room for no label, and it drew
# every tick as "…"; 12.5 lines (300 px there) showed every label, and stays under the old pixel
# floors at the default font.
CHART_LINES = 12.5


def readable_chart_height(widget: QWidget, floor_px: int) -> int:
    """``floor_px`` or ``CHART_LINES`` lines of ``widget``'s current font, whichever is taller."""
    return max(floor_px, round(CHART_LINES * widget.fontMetrics().height()))


def hold_readable_minimum(view: QWidget, floor_px: int) -> None:
    """Raise ``view``'s minimum height back to `readable_chart_height`: QChartView sets its own minimum size from
    its chart's (~107 px) when built and on each resize, and a minimum set wins over `minimumSizeHint` in layouts
    and splitters, so the Retraining window's splitter squeezed the curves to ~110 px of "…" once the comparison
    showed. Called after each resize and font change, so a smaller font lowers it again."""
    least = readable_chart_height(view, floor_px)
    if view.minimumHeight() != least:
        view.setMinimumHeight(least)
