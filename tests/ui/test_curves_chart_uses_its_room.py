"""The Retraining window's curves use the chart's room down to the legend: QChart's margins and its layout's
frame around a card the chart never draws left ~40 px of nothing under the legend (at 1400 x 900 and
1024 x 700, 1x and 1.5x), while the log shrank to two lines to give the curves room."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import LOG_MIN_PX, RetrainProgress

FIGURES = {"accuracy": 0.667, "mean_iou": 0.129, "iou_ge_50": 0.0, "n_images": 3}
MOST_BELOW_LEGEND_PX = 8  # the legend's own padding spaces it from the log


def _finished(qtbot, height: int) -> RetrainProgress:
    """A run of 5 epochs, finished: its curves, a log, the result under them (the log shrinks first)."""
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(720, height)
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "epochs": 5, "loss": 1 / epoch,
                           "val_accuracy": epoch / 5, "val_mean_iou": epoch / 10})
    for n in range(30):
        progress.append_log(f"line {n}")
    progress.show_result(FIGURES, FIGURES, "", old_name="c57c1b")
    qtbot.waitUntil(lambda: progress.comparison.isVisible(), timeout=2000)
    qtbot.wait(50)
    return progress


def test_no_blank_strip_under_the_legend_at_two_heights(qtbot):
    for height in (480, 900):
        progress = _finished(qtbot, height)
        view, chart = progress.chart, progress.chart.chart()
        assert chart.geometry().height() == view.viewport().height()  # the chart fills the view, as drawn
        legend = chart.legend().geometry()  # in the chart's pixels
        below = chart.geometry().bottom() - legend.bottom()
        assert 0 <= below <= MOST_BELOW_LEGEND_PX, (height, below)  # whole, and nothing much under it
        assert chart.plotArea().bottom() < legend.top()  # under the plot
        assert progress.log.height() >= LOG_MIN_PX  # the log still there, shrunk or not
