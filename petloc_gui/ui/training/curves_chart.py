"""Live training curves: training loss, validation accuracy and mean IoU per epoch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

# (event key, legend name, which axis)
CURVES = (
    ("loss", "training loss", "loss"),
    ("val_accuracy", "val. accuracy", "score"),
    ("val_mean_iou", "val. mean IoU", "score"),
)


class CurvesChart(QChartView):
    """A chart that grows one point per curve at every ``epoch`` event."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chart = QChart()
        chart.setTitle("Training curves")
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._x_axis = QValueAxis(titleText="epoch", labelFormat="%d")
        # Ticks on whole epochs; the range has half an epoch of margin on each side,
        # so the first and last points (the only one after a one-epoch run) sit inside.
        self._x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self._x_axis.setTickAnchor(0.0)
        self._x_axis.setTickInterval(1.0)
        self._loss_axis = QValueAxis(titleText="loss")
        # short: "accuracy / IoU" was elided on a short chart at 150% scale
        self._score_axis = QValueAxis(titleText="acc. / IoU", min=0.0, max=1.0)
        chart.addAxis(self._x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self._loss_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self._score_axis, Qt.AlignmentFlag.AlignRight)
        self.series: dict[str, QLineSeries] = {}
        for key, name, axis in CURVES:
            series = QLineSeries(name=name)
            series.setPointsVisible(True)
            chart.addSeries(series)
            series.attachAxis(self._x_axis)
            series.attachAxis(self._loss_axis if axis == "loss" else self._score_axis)
            self.series[key] = series
        self.setChart(chart)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.reset(epochs=1)

    def reset(self, epochs: int) -> None:
        """Clear the curves for a run of ``epochs`` epochs."""
        for series in self.series.values():
            series.clear()
        self._max_loss = 0.0
        self._set_epochs(max(1, epochs))
        self._loss_axis.setRange(0.0, 1.0)

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

    def x_range(self) -> tuple[float, float]:
        """The epoch axis's (min, max)."""
        return self._x_axis.min(), self._x_axis.max()

    def points(self, key: str) -> list[tuple[float, float]]:
        """The (epoch, value) points drawn for one curve."""
        return [(p.x(), p.y()) for p in self.series[key].points()]
