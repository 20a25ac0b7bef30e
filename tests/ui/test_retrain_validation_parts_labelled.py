"""The Retraining window says which validation images each of its figures is on: the curves' and the epoch
lines' "val." figures on the part that chooses the epoch, the table's on the part that reports, as
`petloc train`'s start line does. Before: the curves showed val_mean_iou 0.9535 on 1 image and the table
0.711 on 2 others, and the log said only "3 validation images" (hunt_rt 6)."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_progress import RetrainProgress

START = {"event": "start", "epochs": 2, "steps_per_epoch": 1, "n_train": 9, "n_val": 3,
         "val_images": ["a.png", "b.png", "c.png"], "selection_images": ["b.png"], "report_images": ["a.png", "c.png"]}
FIGURES = {"accuracy": 1.0, "mean_iou": 0.711, "iou_ge_50": 1.0, "n_images": 2}


def _started(qtbot, start=START):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(2)
    progress.on_event(start)
    return progress


def test_the_curves_the_epoch_lines_and_the_table_name_their_part(qtbot):
    progress = _started(qtbot)
    assert progress.chart.chart().title() == "Training curves (val. chooses the epoch: 1 image)"
    assert progress.status.text() == ("Training on 9 images, validating on 3 (chooses the epoch: 1 image; "
                                      "reported: 2 images)…")
    log = progress.log.toPlainText()
    assert ("[petloc] 3 validation images: 1 choose the epoch (the curves' and epoch lines' val. figures), 2 report "
            "the figures (the table at the end)") in log
    assert "[petloc] chooses the epoch: 1 image: b.png" in log and "[petloc] reported: 2 images: a.png, c.png" in log
    progress.on_event({"event": "epoch", "epoch": 1, "epochs": 2, "loss": 6.1681, "val_mean_iou": 0.9535})
    assert progress.log.toPlainText().splitlines()[-1] == (
        "epoch 1/2  loss 6.1681  val_mIoU 0.954  (val. chooses the epoch: 1 image)")
    progress.show_result(FIGURES, FIGURES, "")
    assert progress.comparison.count_label() == "Validation images (reported)"


def test_a_single_validation_image_chooses_and_reports(qtbot):
    progress = _started(qtbot, {**START, "n_train": 11, "n_val": 1, "val_images": ["b.png"], "report_images": []})
    assert "reported: the same 1 image (no others)" in progress.status.text()
    assert ("[petloc] 1 validation image, choosing the epoch and reporting the figures (there are no others): "
            "b.png") in progress.log.toPlainText()
    progress.show_result(FIGURES, FIGURES, "")
    assert progress.comparison.count_label() == "Validation images (chose the epoch)"


def test_a_new_run_starts_unlabelled(qtbot):
    progress = _started(qtbot)
    progress.begin(1)
    assert progress.chart.chart().title() == "Training curves"
    progress.on_event({"event": "epoch", "epoch": 1, "epochs": 1, "loss": 0.5, "val_accuracy": 0.5})
    assert progress.log.toPlainText().splitlines()[-1] == "epoch 1/1  loss 0.5000  val_acc 0.500"
