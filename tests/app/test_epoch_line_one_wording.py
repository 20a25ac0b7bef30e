"""`petloc train` and the Retraining window say a training epoch in one wording (`app.epoch_line`). They had
drifted: the window printed "val_accuracy 0.9000" and any number, "nan" included, with no seconds or "best
so far", where the command printed "val_acc 0.900", finite figures only."""

from __future__ import annotations

from petloc_gui.cli.train_report import epoch_line as command_epoch_line
from petloc_gui.ui.training.run_log import ValidationParts
from petloc_gui.ui.training.run_log import epoch_line as window_epoch_line

EVENT = {"event": "epoch", "epoch": 3, "epochs": 10, "loss": 0.41234, "val_loss": 0.5012, "val_accuracy": 0.95,
         "val_mean_iou": 0.7123, "val_iou_ge_50": 0.91, "seconds": 4.23, "best_epoch": 3}
LINE = "epoch 3/10  loss 0.4123  val_loss 0.5012  val_acc 0.950  val_mIoU 0.712  val_IoU>=.5 0.910  4.2s  (best so far)"
PARTS = ValidationParts({"selection_images": ["a.png", "b.png"], "report_images": ["c.png"]})


def test_the_window_says_the_commands_line_then_the_validation_part():
    assert command_epoch_line(EVENT) == LINE
    assert window_epoch_line(EVENT) == LINE
    assert window_epoch_line(EVENT, PARTS) == LINE + "  (val. chooses the epoch: 2 images)"


def test_a_figure_that_is_no_finite_number_is_left_out_in_both():
    event = {**EVENT, "val_accuracy": float("nan"), "val_mean_iou": float("inf"), "val_loss": "0.5", "seconds": None,
             "best_epoch": 2}
    expected = "epoch 3/10  loss 0.4123  val_IoU>=.5 0.910"
    assert command_epoch_line(event) == expected
    assert window_epoch_line(event, PARTS) == expected + "  (val. chooses the epoch: 2 images)"
    assert "nan" not in window_epoch_line(event, PARTS) and "inf" not in window_epoch_line(event, PARTS)


def test_no_validation_figure_names_no_validation_part():
    event = {"event": "epoch", "epoch": 1, "epochs": 2, "loss": 0.5, "val_accuracy": float("nan")}
    assert window_epoch_line(event, PARTS) == "epoch 1/2  loss 0.5000"
