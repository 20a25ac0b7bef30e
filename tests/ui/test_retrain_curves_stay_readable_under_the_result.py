"""The Retraining window's curves under a tall result: at 1600 x 1000 beside a main window of its default size,
a demo retrain's comparison squeezed the chart to ~35 px of plot, every axis label "…", with no scroll bar.
QChartView sets the chart's own minimum size (a few lines) on every resize, and that set minimum, not the
readable `minimumSizeHint` (`ui.chart_height`), is what the splitter and the scrolled column kept. Now the
chart keeps its readable height and the column scrolls instead."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import RetrainProgress

FIGURES = {"accuracy": 0.111, "mean_iou": 0.005, "iou_ge_50": 0.0, "n_images": 9}
# a result as tall as a demo retrain's: its note says what the figures rest on, in several sentences
NOTE = " ".join(["A fair comparison: both models were scored on the same 26 validation images, and neither trained "
                 "on any of them (the current model's record: its recorded splits). None of these images chose the "
                 "new model's epoch (validation report part)."] * 8)


def test_the_chart_keeps_its_readable_height_when_the_result_appears(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)  # as wide as the image list it is placed over
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), NOTE, old_name="digits")
    qtbot.waitUntil(progress.comparison.isVisible, timeout=2000)
    qtbot.wait(100)
    readable = progress.chart.minimumSizeHint().height()
    assert progress.chart.height() >= readable, (progress.chart.height(), readable)
    assert progress.body.verticalScrollBar().maximum() > 0  # what does not fit scrolls instead
    # the result from its first line in sight, as before
    assert progress.body.verticalScrollBar().value() > 0
