"""The retraining windows as a person sees them: a real window, readable sizes, honest time left, a quiet log."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from petloc_gui.app.tf_log_filter import TensorFlowNoiseFilter
from petloc_gui.app.training_eta import SCORING_FIXED_S, SCORING_PASSES, TrainingEta
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_progress import RetrainProgress, format_eta

from .layout import assert_fields_fit


def test_the_progress_panel_is_a_window_of_its_own_not_painted_over_the_photo(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    main.resize(900, 700)
    main.show()
    progress = RetrainProgress(main)
    progress.show()
    assert progress.isWindow()  # a top-level window with a frame, movable, its own background
    assert progress.windowType() == Qt.WindowType.Window
    assert progress.windowTitle() == "Retraining"
    assert not progress.isModal()  # the main window keeps taking input
    assert progress.parentWidget() is main  # stays with its main window (taskbar, closing)
    assert main.centralWidget() is None or not main.centralWidget().isAncestorOf(progress)


def _holdout_loader(count):
    names = [f"Abyssinian_{i}.jpg" for i in range(count)]
    return lambda: (lambda fraction, fine_tune: Holdout(count, names))


@pytest.mark.parametrize("count", [None, 12])
def test_the_retrain_dialog_gives_every_field_its_size_before_and_after_the_list_arrives(qtbot, count):
    dialog = RetrainDialog(None, model_name="pets", data_name="/home/someone/photos/pets", n_annotated=60,
                           has_unsaved=True, holdout_loader=_holdout_loader(count) if count else None)
    qtbot.addWidget(dialog)
    dialog.show()
    if count:
        qtbot.waitUntil(lambda: dialog.holdout_list.count() == count, timeout=5000)
    assert dialog.width() >= 500
    assert_fields_fit(dialog)
    assert dialog.epochs.height() >= dialog.epochs.minimumSizeHint().height()
    assert dialog.val_fraction.height() >= dialog.val_fraction.minimumSizeHint().height()


def _simulate(eta: TrainingEta, epochs=3, steps=10, batch_s=1.0, first_batch_s=5.0, val_s=4.0):
    """Feed a run with known timings; yield (estimate, true time left) at every event."""
    scoring_s = SCORING_PASSES * val_s + SCORING_FIXED_S
    total = first_batch_s + (epochs * steps - 1) * batch_s + epochs * val_s + scoring_s
    now = 0.0
    eta.start(epochs, steps, n_train=100, n_val=25)
    for epoch in range(1, epochs + 1):
        for step in range(1, steps + 1):
            now += first_batch_s if (epoch, step) == (1, 1) else batch_s
            eta.batch(epoch, step, steps, now)
            yield eta.remaining(now), total - now, (epoch, step)
        now += val_s
        eta.epoch_end(epoch, now)
        yield eta.remaining(now), total - now, (epoch, "val")
    eta.done(now)
    for _ in range(3):
        now += scoring_s / 4
        yield eta.remaining(now), total - now, ("scoring",)


def test_time_left_counts_validation_and_the_final_scoring():
    seen = list(_simulate(TrainingEta()))
    estimates = [(e, truth, where) for e, truth, where in seen if e is not None]
    assert len(estimates) >= len(seen) - 1  # only the very first batch is unknown
    for estimate, truth, where in estimates:
        assert abs(estimate - truth) <= max(3.0, 0.3 * truth), (where, estimate, truth)
    # At the last batch, the validation pass and the scoring of both models are still ahead
    # (the old estimate said "0 s left" here).
    last_batch = next(e for e, _, where in seen if where == (3, 10))
    assert last_batch >= 4.0 + SCORING_PASSES * 4.0


def test_the_progress_window_shows_the_time_left_through_validation_and_scoring(qtbot):
    clock = [0.0]
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.clock = lambda: clock[0]
    progress.begin(1)
    progress.on_event({"event": "start", "epochs": 1, "steps_per_epoch": 4, "n_train": 40, "n_val": 10})
    for step in range(1, 5):
        clock[0] += 1.0
        progress.on_event({"event": "batch", "epoch": 1, "step": step, "steps": 4})
    assert progress.eta.text() not in ("", "almost done")  # validation + scoring are ahead
    clock[0] += 2.0
    progress.on_event({"event": "epoch", "epoch": 1, "epochs": 1, "loss": 0.5, "val_accuracy": 0.6})
    progress.on_event({"event": "done", "metrics": {}})
    assert progress.eta.text().endswith("s left")  # scoring: 2 passes of 2 s + saving/loading
    assert "scoring" in progress.status.text()


def test_a_one_epoch_run_draws_its_point_inside_the_chart(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(1)
    progress.on_event({"event": "epoch", "epoch": 1, "epochs": 1, "loss": 0.5, "val_accuracy": 0.7,
                       "val_mean_iou": 0.6})
    low, high = progress.chart.x_range()
    for key in ("loss", "val_accuracy", "val_mean_iou"):
        [(x, _)] = progress.chart.points(key)
        assert 0.25 <= (x - low) / (high - low) <= 0.75, (key, x, low, high)


def test_notices_of_the_run_reach_the_training_log(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(1)
    message = "training image a.jpg could not be read (truncated); another image of its batch stands in"
    progress.on_event({"event": "notice", "message": message})
    assert f"[petloc] {message}" in progress.log.toPlainText()
    progress.on_event({"event": "start", "epochs": 1, "steps_per_epoch": 1, "n_train": 9, "n_val": 1,
                       "n_prelabels": 3})
    assert "3 of the training images are unreviewed pre-labels" in progress.log.toPlainText()
    progress.on_event({"event": "start", "epochs": 1, "steps_per_epoch": 1, "n_train": 9, "n_val": 1,
                       "n_prelabels_skipped": 1})
    assert "1 unreviewed pre-label left out of this run, as asked" in progress.log.toPlainText()


def test_format_eta_reads_well():
    assert format_eta(90.0) == "1 min 30 s left"
    assert format_eta(5) == "5 s left"
    assert format_eta(0.2) == "almost done"
    assert format_eta(None) == ""


# Lines a CPU-only TensorFlow 2.20 + Keras 3 worker printed (captured on this machine).
NOISE = [
    "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
    "I0000 00:00:1796158833.416292   12586 port.cc:153] oneDNN custom operations are on. You may see slightly "
    "different numerical results due to floating-point round-off errors from different computation orders.",
    "I0000 00:00:1796158833.416571   12586 cudart_stub.cc:31] Could not find cuda drivers on your machine, "
    "GPU will not be used.",
    "E0000 00:00:1796158833.516571   12586 cuda_executor.cc:1309] failed call to cuInit: INTERNAL: CUDA error: "
    "Failed call to cuInit: UNKNOWN ERROR (303)",
    "To enable the following instructions: AVX2 AVX512F FMA, in other operations, rebuild TensorFlow with the "
    "appropriate compiler flags.",
    "/venv/lib/python3.11/site-packages/keras/src/trainers/data_adapters/py_dataset_adapter.py:121: UserWarning: "
    "Your `PyDataset` class should call `super().__init__(**kwargs)` in its constructor.",
    "  self._warn_if_super_not_called()",
    "INFO: Created TensorFlow Lite XNNPACK delegate for CPU.",  # TFLite, as the model's interpreter starts
    "INFO: Initialized TensorFlow Lite runtime.",
]
KEPT = [
    "[petloc] 12 validation images: a.jpg, b.jpg",
    "Traceback (most recent call last):",
    '  File "/x/train_worker.py", line 10, in main',
    "E0000 00:00:1796158833.516571   12586 bfc_allocator.cc:47] Resource exhausted: out of memory",
    "/home/me/petloc_gui/model/data.py:12: UserWarning: something of ours",
    "ERROR: Failed to apply XNNPACK delegate.",  # TFLite's warnings and errors are no start-up noise
    "WARNING: Attempting to use a delegate that only supports static-sized tensors with a graph that has "
    "dynamic-sized tensors.",
]


def test_tensorflow_noise_is_hidden_from_the_training_log_and_nothing_else():
    log_filter = TensorFlowNoiseFilter()
    assert [line for line in NOISE if log_filter.keep(line)] == []
    assert log_filter.hidden == len(NOISE)
    assert [line for line in KEPT if log_filter.keep(line)] == KEPT


@pytest.mark.slow
def test_loading_a_model_in_the_window_process_prints_nothing_to_the_terminal(tmp_path):
    code = textwrap.dedent(f"""
        from pathlib import Path
        from petloc_gui.core.digits import write_digits_dataset
        from petloc_gui.ui.models.model_handle import load_model_handle
        images = [p for p in write_digits_dataset(Path({str(tmp_path)!r}), "test", count=2) if p.suffix == ".png"]
        results = load_model_handle("digits").predict_paths(images)
        print(len(results), type(results[0]).__name__)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "Prediction"]
    assert done.stderr == ""


def test_the_progress_window_fits_on_the_screen(qtbot):
    from PySide6.QtCore import QRect

    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.show()
    qtbot.waitExposed(progress)
    qtbot.wait(50)
    area = progress.screen().availableGeometry()  # offscreen: 800 x 600, less than its 720 x 640
    assert area.contains(QRect(progress.pos(), progress.size()))
    assert_fields_fit(progress)


def test_the_training_process_keeps_noise_out_of_its_log_and_the_crash_tail(qtbot):
    from petloc_gui.ui.training.training_process import TrainingProcess

    process = TrainingProcess()
    lines = []
    process.log.connect(lines.append)
    for line in [*NOISE, "Traceback (most recent call last):"]:
        process._log_stderr(line.encode())  # what arrives on the child's stderr
    assert lines == ["Traceback (most recent call last):"]
    assert process.noise.hidden == len(NOISE)
    assert list(process._stderr_tail) == lines  # a crash report shows only real lines
