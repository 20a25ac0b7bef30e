"""The Retraining window in a dark theme and from the keyboard: the chart follows the palette (it stayed
QChart's white card), its three curves differ by line style as well as colour and the legend shows each,
it takes no keyboard focus (it took the first, with no sign of it), the keyboard lands on the log or, when
a new model waits, on "Use the new model"; the chart and the log have accessible names (hunt8 #6, #7)."""

from __future__ import annotations

from PySide6.QtCharts import QLegend
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMainWindow

from petloc_gui.ui.canvas.contrast import contrast_ratio
from petloc_gui.ui.training.curves_chart import CurvesChart
from petloc_gui.ui.training.retrain_progress import RetrainProgress

DARK, LIGHT_TEXT = QColor("#353535"), QColor("#f0f0f0")


def _dark() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, DARK)
    palette.setColor(QPalette.ColorRole.WindowText, LIGHT_TEXT)
    return palette


def test_the_chart_follows_a_dark_palette(qtbot):
    chart = CurvesChart()
    qtbot.addWidget(chart)
    chart.setPalette(_dark())
    inner = chart.chart()
    assert inner.backgroundBrush().color() == DARK
    assert inner.titleBrush().color() == LIGHT_TEXT and inner.legend().labelColor() == LIGHT_TEXT
    for axis in inner.axes():
        assert axis.labelsColor() == LIGHT_TEXT and axis.titleBrush().color() == LIGHT_TEXT
    for series in chart.series.values():
        assert contrast_ratio(series.pen().color(), DARK) >= 3.0, series.name()


def test_the_curves_differ_by_line_style_and_the_legend_draws_each(qtbot):
    chart = CurvesChart()
    qtbot.addWidget(chart)
    styles = {series.pen().style() for series in chart.series.values()}
    assert len(styles) == 3 and Qt.PenStyle.SolidLine in styles
    legend = chart.chart().legend()
    assert legend.markerShape() == QLegend.MarkerShape.MarkerShapeFromSeries
    assert [marker.label() for marker in legend.markers()] == ["loss", "val. acc.", "val. IoU"]  # the axes' words


def test_the_chart_takes_no_focus_and_says_its_figures(qtbot):
    chart = CurvesChart()
    qtbot.addWidget(chart)
    assert chart.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert chart.accessibleName() == "Training curves"
    chart.reset(epochs=5)
    chart.add_epoch({"epoch": 2, "loss": 0.4213, "val_accuracy": 0.9, "val_mean_iou": 0.71})
    assert chart.accessibleDescription() == "epoch 2 of 5: training loss 0.421, val. accuracy 0.9, val. mean IoU 0.71"


def _figures() -> dict:
    return {"accuracy": 0.9, "mean_iou": 0.8, "iou_ge_50": 0.9, "n_images": 10}


def test_raised_the_keyboard_lands_on_the_log_then_on_the_choice(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    progress = RetrainProgress(main)
    assert progress.log.accessibleName() == "Training log"
    progress.begin(epochs=2)
    progress.bring_forward()
    qtbot.waitExposed(progress)
    qtbot.waitUntil(lambda: progress.focusWidget() is progress.log)
    progress.show_result(_figures(), _figures())
    progress.hide()
    progress.bring_forward()
    qtbot.waitUntil(lambda: progress.focusWidget() is progress.comparison.use_button)


def test_tab_leaves_the_log_for_the_buttons(qtbot):
    # read-only, the log takes no Tab of its own (it needs no setTabChangesFocus): Tab walks on
    main = QMainWindow()
    qtbot.addWidget(main)
    progress = RetrainProgress(main)
    progress.begin(epochs=2)
    progress.log.appendPlainText("epoch 1")
    progress.bring_forward()
    qtbot.waitUntil(lambda: progress.focusWidget() is progress.log)
    qtbot.keyClick(progress.log, Qt.Key.Key_Tab)
    assert progress.focusWidget() is not progress.log and progress.log.toPlainText() == "epoch 1"


def test_every_button_of_the_window_has_an_access_key_of_its_own(qtbot):
    # Use / Discard had none: the choice was a Tab walk away (hunt8 #8)
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QPushButton

    window = RetrainProgress()
    qtbot.addWidget(window)
    keys = [QKeySequence.mnemonic(b.text()).toString() for b in window.findChildren(QPushButton)]
    assert keys and all(keys) and len(set(keys)) == len(keys), keys


def test_the_end_of_a_run_watched_in_the_window_leaves_enter_on_use_not_discard(qtbot):
    # Cancel had the keyboard; disabled at the end, Qt passed it on to Discard, and an Enter threw the
    # new model away
    from PySide6.QtWidgets import QApplication

    window = RetrainProgress()
    qtbot.addWidget(window)
    window.bring_forward()
    window.cancel_button.setFocus()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_result({"accuracy": 0.9, "mean_iou": 0.6, "n_images": 4},
                       {"accuracy": 0.9, "mean_iou": 0.7, "n_images": 4})
    assert QApplication.focusWidget() is window.comparison.use_button
    assert not window.comparison.discard_button.autoDefault()
