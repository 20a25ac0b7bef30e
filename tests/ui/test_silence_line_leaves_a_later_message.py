"""A training child stuck with the Retraining window put away is said on the main window's status line, and said
again as its minutes grow ("for 2 min", "for 3 min", …) until replaced. Each new minute replaced whatever the line
showed by then: a save failure said after the first silence line was gone a minute later, with nothing left to say
it. The minutes are said again only while the line still shows the silence or nothing; a line said since stays, and
the child speaking again is not said over it either (the silence it corrects is not shown)."""

from __future__ import annotations

from petloc_gui.app.child_silence import OutputTimes
from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.training.said_while_hidden import say_while_hidden

SILENCE = "No word from the training process for"
SAVE_FAILED = "Save failed: cat_1.xml: [Errno 28] No space left on device"  # as the save guard says it, for 15 s


def test_a_save_failure_said_after_the_silence_stays_as_its_minutes_grow(qtbot, window):
    clock, output = [0.0], OutputTimes()
    progress = RetrainProgress()
    qtbot.addWidget(progress)  # never shown: put away, as the start's message invites
    progress.clock = lambda: clock[0]
    say_while_hidden(progress, window, lambda: None)  # on the real window's status line
    progress.begin(30)
    progress.watch_output(output)
    status = window.statusBar()

    def event(event: dict) -> None:
        clock[0] += 1.0
        output.heard(clock[0])
        progress.on_event(event)

    def seconds(count: int) -> None:
        for _ in range(count):
            clock[0] += 1.0
            progress.quiet.timer.timeout.emit()

    event({"event": "start", "epochs": 30, "steps_per_epoch": 2, "n_train": 37, "n_val": 11})
    for epoch in range(1, 11):
        event({"event": "batch", "epoch": epoch, "step": 2, "steps": 2})
    seconds(75)  # the child stopped after epoch 10 of 30
    assert status.currentMessage().startswith(f"{SILENCE} 1 min"), status.currentMessage()
    window.show_status(SAVE_FAILED, 15000)  # an autosave fails meanwhile
    seconds(50)  # past 2 min: the save failure is left
    assert status.currentMessage() == SAVE_FAILED
    status.clearMessage()  # its 15 s over: nothing shown, the silence is said again at the next check
    seconds(1)
    assert status.currentMessage().startswith(f"{SILENCE} 2 min"), status.currentMessage()
    seconds(60)  # still shown: its minutes said as they grow
    assert status.currentMessage().startswith(f"{SILENCE} 3 min"), status.currentMessage()
    window.show_status(SAVE_FAILED, 15000)
    event({"event": "batch", "epoch": 11, "step": 1, "steps": 2})  # the child speaks again: the failure stays
    assert status.currentMessage() == SAVE_FAILED
