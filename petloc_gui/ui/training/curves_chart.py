"""Live training curves: training loss, validation accuracy and mean IoU per epoch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChart, QChartView, QLegend, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, QMargins, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from petloc_gui.ui.canvas.contrast import readable_on
from petloc_gui.ui.chart_height import hold_readable_minimum, readable_chart_height

# (event key, name, which axis, colour, line style): told apart by the line's style as well as by its colour
# (Okabe-Ito's blue, orange and bluish green), which the legend shows
CURVES = (
    ("loss", "training loss", "loss", QColor(0x00, 0x72, 0xB2), Qt.PenStyle.SolidLine),
    ("val_accuracy", "val. accuracy", "score", QColor(0xE6, 0x9F, 0x00), Qt.PenStyle.DashLine),
    ("val_mean_iou", "val. mean IoU", "score", QColor(0x00, 0x9E, 0x73), Qt.PenStyle.DotLine),
)
# The legend's names, in the axes' words: the Retraining window is as wide as the image list (`progress_width`),
# its chart ~270 px at 1.5 on an 800 px screen, and QtCharts elides what its one row cannot hold ("trainin… ·
# val. ac… · val. m…"). A screen reader hears the full names (`_describe`).
LEGEND_NAMES = {"loss": "loss", "val_accuracy": "val. acc.", "val_mean_iou": "val. IoU"}
LINE_CONTRAST = 3.0  # WCAG 1.4.11, a graph's lines against its background
LINE_PX = 2.5
MIN_HEIGHT_PX = 220  # at the default font; more at a larger one (`readable_chart_height`)
CHART_MARGINS_PX = (8, 4, 8, 0)  # left, top, right, bottom: round the title and the axes' outer labels


class CurvesChart(QChartView):
    """A chart that grows one point per curve at every ``epoch`` event."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setTitle("Training curves")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)  # a piece of each line
        # QChart's 20 px margins and its layout's 9 px frame around a rounded card this chart never draws (its
        # background is the window's) left ~40 px of nothing under the legend, the plot squeezed above it
        # as the log shrank: the legend's own padding spaces it from the log enough
        chart.setMargins(QMargins(*CHART_MARGINS_PX))
        chart.layout().setContentsMargins(0, 0, 0, 0)
        chart.setBackgroundRoundness(0)
        self._x_axis = QValueAxis()
        self._x_axis.setTitleText("epoch")
        self._x_axis.setLabelFormat("%d")
        # Ticks on whole epochs; the range has half an epoch of margin on each side,
        # so the first and last points (the only one after a one-epoch run) sit inside.
        self._x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self._x_axis.setTickAnchor(0.0)
        self._x_axis.setTickInterval(1.0)
        self._loss_axis = QValueAxis()
        self._loss_axis.setTitleText("loss")
        # short: "accuracy / IoU" was elided on a short chart at 150% scale
        self._score_axis = QValueAxis()
        self._score_axis.setTitleText("acc. / IoU")
        self._score_axis.setRange(0.0, 1.0)
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._loss_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._score_axis, Qt.AlignmentFlag.AlignRight)
        self.series: dict[str, QLineSeries] = {}
        for key, _name, axis, _color, _style in CURVES:
            series = QLineSeries()
            series.setName(LEGEND_NAMES[key])
            series.setPointsVisible(True)
            chart.addSeries(series)
            series.attachAxis(self._x_axis)
            series.attachAxis(self._loss_axis if axis == "loss" else self._score_axis)
            self.series[key] = series
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # a picture: nothing to type into, and a focus it never showed (it took the keyboard first when
        # the window was raised); a screen reader hears the figures from its description
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Training curves")
        self._follow_palette()
        self.reset(epochs=1)
        hold_readable_minimum(self, MIN_HEIGHT_PX)  # over the minimum QChartView set as it was built

    def _follow_palette(self) -> None:
        """The window's colours (QChart's own light theme stayed a white card in a dark one), each curve's
        colour made to stand out 3:1 on them."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        chart = self.chart()
        self.setBackgroundBrush(background)
        chart.setBackgroundBrush(background)
        chart.setPlotAreaBackgroundVisible(False)
        chart.setTitleBrush(text)
        chart.legend().setLabelColor(text)
        for axis in (self._x_axis, self._loss_axis, self._score_axis):
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
            axis.setGridLineColor(palette.color(QPalette.ColorRole.Midlight if background.lightness() >= 128
                                                else QPalette.ColorRole.Dark))
        for key, _name, _axis, color, style in CURVES:
            pen = QPen(readable_on(color, background, LINE_CONTRAST), LINE_PX)
            pen.setStyle(style)
            self.series[key].setPen(pen)

    def minimumSizeHint(self) -> QSize:  # Qt's name; asked again when the font changes
        return QSize(super().minimumSizeHint().width(), readable_chart_height(self, MIN_HEIGHT_PX))

    def resizeEvent(self, event) -> None:  # Qt's name: QChartView sets its minimum size here (`hold_readable_minimum`)
        super().resizeEvent(event)
        hold_readable_minimum(self, MIN_HEIGHT_PX)

    def changeEvent(self, event) -> None:  # Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_score_axis"):
            self._follow_palette()
        if event.type() == QEvent.Type.FontChange:
            hold_readable_minimum(self, MIN_HEIGHT_PX)

    def reset(self, epochs: int) -> None:
        """Clear the curves for a run of ``epochs`` epochs."""
        for series in self.series.values():
            series.clear()
        self._max_loss = 0.0
        self._set_epochs(max(1, epochs))
        self._loss_axis.setRange(0.0, 1.0)
        self._describe()

    def _set_epochs(self, epochs: int) -> None:
        self._epochs = epochs
        self._x_axis.setRange(0.5, epochs + 0.5)
        self._x_axis.setTickInterval(float(max(1, round(epochs / 10))))  # at most ~10 labels

    def add_epoch(self, event: dict[str, Any]) -> None:
        """Append the figures of one ``epoch`` event (missing ones are skipped)."""
        try:
            epoch = float(event["epoch"])
        except (KeyError, TypeError, ValueError):
            return
        if isinstance(event.get("epochs"), int) and event["epochs"] > self._epochs:
            self._set_epochs(event["epochs"])
        for key, series in self.series.items():
            value = event.get(key)
            if not isinstance(value, (int, float)) or value != value:
                continue
            series.append(epoch, float(value))
            if key == "loss" and value > self._max_loss:
                self._max_loss = float(value)
                self._loss_axis.setMax(self._max_loss * 1.1)
        self._describe()

    def _describe(self) -> None:
        """The latest figures in words, for a screen reader: "epoch 3 of 10: training loss 0.42, ..."."""
        latest = [(name, self.series[key].points()) for key, name, *_ in CURVES]
        shown = [f"{name} {points[-1].y():.3g}" for name, points in latest if points]
        epochs = max((points[-1].x() for _name, points in latest if points), default=0)
        said = f"epoch {epochs:.0f} of {self._epochs}: " + ", ".join(shown) if shown else "no epoch finished yet"
        self.setAccessibleDescription(said)

    def x_range(self) -> tuple[float, float]:
        """The epoch axis's (min, max)."""
        return self._x_axis.min(), self._x_axis.max()

    def points(self, key: str) -> list[tuple[float, float]]:
        """The (epoch, value) points drawn for one curve."""
        return [(p.x(), p.y()) for p in self.series[key].points()]
