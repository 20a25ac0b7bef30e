"""A training child that stops responding is said in the Retraining window. A hunt stopped the child (SIGSTOP, as
a deadlocked input pipeline or a stuck network read would leave it): before its first batch the bar read
"starting…" for good, at epoch 10/12 the time left counted down to "almost done" and stayed there, and nothing
said anything was wrong. Now, after a silence well beyond what the run has shown, a line under the bar says so
(and that Cancel ends it), and it goes as soon as the child speaks again."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from petloc_gui.app.child_silence import OutputTimes, quiet_limit
from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.retrain_progress import RetrainProgress

SILENCE = "No word from the training process"


def _said(progress: RetrainProgress) -> str:
    """What the window's lines say, those on screen only."""
    return "\n".join(label.text() for label in progress.findChildren(QLabel) if label.isVisibleTo(progress))


@pytest.mark.slow  # a child process (the stand-in worker, no TensorFlow)
def test_a_child_silent_before_its_first_batch_is_said_until_it_speaks_again(qtbot, window, controller):
    # the stand-in says "start", then nothing for 6 s (a child stuck building its model), then trains on
    controller.extra_worker_args = ["--steps", "3", "--delay", "0.01", "--quiet-after", "1", "--quiet", "6"]
    progress = controller._progress_window()
    progress.preparing_quiet_after_s = progress.quiet_after_s = 1.0  # 3 min and 1 min in the window
    controller.start(RetrainOptions(epochs=2, save_first=False))
    qtbot.waitSignal(controller.process.event, timeout=20000,
                     check_params_cb=lambda event: event.get("event") == "start").wait()
    qtbot.waitUntil(lambda: SILENCE in _said(progress), timeout=5000)
    said = _said(progress)
    assert "may be stuck" in said and "Cancel ends it" in said, said
    assert progress.progress.format() == "starting…" and controller.is_running()
    # the child speaks again: the line goes with its first batch
    qtbot.waitUntil(lambda: progress.progress.format().startswith("epoch"), timeout=20000)
    assert SILENCE not in _said(progress)
    with qtbot.waitSignal(controller.run_finished, timeout=20000):
        pass
    assert SILENCE not in _said(progress)


def _tick(progress: RetrainProgress) -> None:
    """A second of the window's timers."""
    for timer in (progress._eta_timer, progress.quiet.timer):
        timer.timeout.emit()


def test_stuck_at_epoch_10_of_12_it_is_said_after_a_minute_and_almost_done_does_not_stay(qtbot):
    clock = [0.0]
    output = OutputTimes()
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.clock = lambda: clock[0]
    progress.begin(12)
    progress.watch_output(output)

    def event(event: dict, after: float) -> None:
        clock[0] += after
        output.heard(clock[0])
        progress.on_event(event)

    event({"event": "start", "epochs": 12, "steps_per_epoch": 2, "n_train": 37, "n_val": 11}, after=20.0)
    for epoch in range(1, 11):  # 2.6 s epochs, as the hunt's pets run
        event({"event": "batch", "epoch": epoch, "step": 1, "steps": 2}, after=1.0)
        event({"event": "batch", "epoch": epoch, "step": 2, "steps": 2}, after=1.0)
        event({"event": "epoch", "epoch": epoch, "epochs": 12}, after=0.6)
    assert progress.eta.text().endswith("left")
    # stopped: the time left runs out, the window keeps saying "almost done" for a while
    for _ in range(30):
        clock[0] += 1.0
        _tick(progress)
    assert progress.eta.text() == "almost done"
    assert SILENCE not in _said(progress)
    # a minute with no word (the longest gap between two outputs was 1 s: the 1-minute floor)
    for _ in range(35):
        clock[0] += 1.0
        _tick(progress)
    said = _said(progress)
    assert SILENCE in said and "1 min" in said, said
    assert progress.eta.text() != "almost done"  # no time left beside "may be stuck"
    # it speaks again: the line goes at once
    event({"event": "batch", "epoch": 11, "step": 1, "steps": 2}, after=1.0)
    assert SILENCE not in _said(progress)
    assert progress.eta.text().endswith("left")


def test_an_estimate_overdue_by_the_limit_no_longer_says_almost_done(qtbot):
    clock = [0.0]
    output = OutputTimes()
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.clock = lambda: clock[0]
    progress.begin(2)
    progress.watch_output(output)
    output.heard(clock[0])
    progress.on_event({"event": "start", "epochs": 2, "steps_per_epoch": 2, "n_train": 8, "n_val": 2})
    for step in (1, 2):
        clock[0] += 1.0
        output.heard(clock[0])
        progress.on_event({"event": "batch", "epoch": 1, "step": step, "steps": 2})
    for second in range(1, 121):  # the child logs a line every 5 s, no event: not silent, but past the estimate
        clock[0] += 1.0
        if second % 5 == 0:
            output.heard(clock[0])
        _tick(progress)
        if second == 30:
            assert progress.eta.text() == "almost done"
    assert SILENCE not in _said(progress)
    assert progress.eta.text() == "taking longer than estimated"


def test_before_the_first_batch_a_longer_silence_is_allowed_and_an_ending_clears_the_line(qtbot):
    clock = [0.0]
    output = OutputTimes()
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.clock = lambda: clock[0]
    progress.begin(5)
    progress.watch_output(output)
    clock[0] = 120.0  # reading a big folder, loading TensorFlow: nothing said yet
    _tick(progress)
    assert SILENCE not in _said(progress)
    clock[0] = 200.0
    _tick(progress)
    said = _said(progress)
    assert SILENCE in said and "3 min" in said and "prepares" in said, said
    progress.show_failure("Training was cancelled; the current model is unchanged.", bar_text="cancelled")
    assert SILENCE not in _said(progress) and not progress.quiet.timer.isActive()


def test_the_limit_is_three_times_the_longest_gap_between_outputs_and_the_wait_for_the_first_is_none():
    output = OutputTimes(started_at=0.0)
    output.heard(90.0)  # a slow start (the folder read, TensorFlow loaded): the preparing floor's, not a gap
    assert output.longest_gap == 0.0 and quiet_limit(output.longest_gap, 60.0) == 60.0
    output.heard(91.0)
    output.heard(131.0)  # a 40 s validation pass
    assert output.quiet_for(150.0) == 19.0
    assert quiet_limit(output.longest_gap, 60.0) == 120.0


def test_gaps_while_the_child_prepares_do_not_stretch_the_limit_once_it_trains(qtbot):
    # a review: TensorFlow's notices at 8 s, "start" after a 2-minute folder read, then 1 s batches, then
    # silence: the 120 s preparing gap made the limit 360 s, so a child stuck at epoch 4 went unsaid for 6 min
    clock = [0.0]
    output = OutputTimes()
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.clock = lambda: clock[0]
    progress.begin(10)
    progress.watch_output(output)

    def heard(after: float, event: dict | None = None) -> None:
        clock[0] += after
        output.heard(clock[0])
        if event is not None:
            progress.on_event(event)

    heard(8.0)  # TensorFlow's start-up notices on stderr
    heard(120.0, {"event": "start", "epochs": 10, "steps_per_epoch": 2, "n_train": 37, "n_val": 11})
    for epoch in range(1, 4):
        heard(1.0, {"event": "batch", "epoch": epoch, "step": 1, "steps": 2})
        heard(1.0, {"event": "batch", "epoch": epoch, "step": 2, "steps": 2})
        heard(0.5, {"event": "epoch", "epoch": epoch, "epochs": 10})
    for _ in range(65):  # stuck: a minute and a bit with no word
        clock[0] += 1.0
        _tick(progress)
    said = _said(progress)
    assert SILENCE in said and "1 min" in said and "prepares" not in said, said
