"""Once a cancel is asked, the Retraining window stops counting: before (a hunt), under "Cancelling…" the bar kept
advancing, "26 s left" stayed and "Cancel training" could be clicked again until the child ended."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_progress import RetrainProgress


def _running(progress: RetrainProgress, clock: list[float]) -> None:
    progress.clock = lambda: clock[0]
    progress.begin(2)
    progress.on_event({"event": "start", "epochs": 2, "steps_per_epoch": 10, "n_train": 40, "n_val": 10})
    for step in range(1, 4):
        clock[0] += 1.0
        progress.on_event({"event": "batch", "epoch": 1, "step": step, "steps": 10})


def test_a_cancel_asked_stops_the_bar_and_the_time_left_and_cancel(qtbot):
    clock = [0.0]
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    _running(progress, clock)
    assert progress.eta.text().endswith("left") and progress.cancel_button.isEnabled()
    bar = progress.progress.value()
    progress.show_cancelling()
    # the child's last events, before it ends
    for step in range(4, 8):
        clock[0] += 1.0
        progress.on_event({"event": "batch", "epoch": 1, "step": step, "steps": 10})
    progress.on_event({"event": "done", "metrics": {}})
    assert progress.progress.value() == bar
    assert progress.eta.text() == "" and not progress._eta_timer.isActive()
    assert not progress.cancel_button.isEnabled()
    assert progress.status.text() == "Cancelling…"
    # the next run counts again
    _running(progress, clock)
    assert progress.eta.text().endswith("left") and progress.cancel_button.isEnabled()


def test_cancel_training_stops_the_count_while_the_child_ends(qtbot, window, controller):
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05", "--hang"]  # it ignores the cancel
    controller.start(RetrainOptions(epochs=20, save_first=False))
    controller.process.cancel_grace_ms = 1500  # then it is terminated
    progress = controller._progress_window()
    qtbot.waitUntil(lambda: progress.eta.text().endswith("left"), timeout=20000)
    with qtbot.waitSignal(controller.run_finished, timeout=15000):
        progress.cancel_button.click()
        bar = progress.progress.value()
        assert progress.status.text() == "Cancelling…"
        assert progress.eta.text() == "" and not progress.cancel_button.isEnabled()
        qtbot.wait(600)  # the child still reports its batches
        assert controller.is_running()
        assert progress.progress.value() == bar and progress.eta.text() == ""
