"""A training child that stops responding is said on the main window's status line while the Retraining window is
put away. A hunt closed that window, as the start's message invites ("Training started in the background"), and
stopped the child (SIGSTOP) at epoch 10/30: 75 s later the main window said nothing; the line "No word from the
training process for 1 min (it may be stuck); Cancel ends it." was only in the hidden window, seen after Model →
Show training progress. Now the status line says it too, with where Cancel is, and says when the child speaks
again. The stand-in worker (tests/standin_worker.py) says "start", then nothing for a while, then trains on."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.said_while_hidden import QuietSaid

from ..stuck_training_child import stuck_at_epoch_10

SILENCE = "No word from the training process"
SPOKE = "The training process responds again"


@pytest.fixture
def said(window):
    """Every message the window's status line was given, in order."""
    messages: list[str] = []
    real = window.show_status
    window.show_status = lambda text, ms: messages.append(text) or real(text, ms)
    return messages


def _start_quiet_run(qtbot, controller, quiet_s: float):
    controller.extra_worker_args = ["--steps", "3", "--delay", "0.01", "--quiet-after", "1", "--quiet", str(quiet_s)]
    progress = controller._progress_window()
    progress.preparing_quiet_after_s = progress.quiet_after_s = 1.0  # 3 min and 1 min in the window
    controller.start(RetrainOptions(epochs=2, save_first=False))
    qtbot.waitSignal(controller.process.event, timeout=20000,
                     check_params_cb=lambda event: event.get("event") == "start").wait()
    return progress


@pytest.mark.slow  # a child process (the stand-in worker, no TensorFlow)
def test_with_the_retraining_window_closed_the_status_line_says_a_silent_child_and_when_it_speaks(qtbot, window,
                                                                                                  controller, said):
    progress = _start_quiet_run(qtbot, controller, 6)
    progress.close()  # put away, as the start's message invites
    # its 8 s line timed out, as every line of the run's has long before the real 1-minute floor (here 1 s)
    window.statusBar().clearMessage()
    qtbot.waitUntil(lambda: any(SILENCE in text for text in said), timeout=5000)
    silence = next(text for text in said if SILENCE in text)
    assert "may be stuck" in silence and "Model → Show training progress" in silence, silence
    assert SILENCE in window.statusBar().currentMessage()
    silences = [text for text in said if SILENCE in text]
    assert len(silences) == len(set(silences)), silences  # each text once, not at each second's check
    qtbot.waitUntil(lambda: any(SPOKE in text for text in said), timeout=20000)  # the child trains on
    assert said.index(silence) < next(at for at, text in enumerate(said) if SPOKE in text)
    with qtbot.waitSignal(controller.run_finished, timeout=20000):
        pass


@pytest.mark.slow
def test_with_the_retraining_window_shown_only_the_window_says_it(qtbot, window, controller, said):
    progress = _start_quiet_run(qtbot, controller, 4)
    assert progress.isVisible()  # shown (quietly) at the start: its own line says it
    qtbot.waitUntil(lambda: not progress.quiet.isHidden(), timeout=5000)
    with qtbot.waitSignal(controller.run_finished, timeout=20000):
        pass
    assert not [text for text in said if SILENCE in text or SPOKE in text], said


def test_stuck_at_epoch_10_said_once_a_minute_and_not_after_a_cancel(qtbot):
    # the hunt's run, on the window's own clock: the window put away, the child stopped after epoch 10 of 30
    said: list[str] = []
    shown = {"text": "", "until": 0.0}  # a status line: a timed line goes once its time is over
    clock = [0.0]

    def show(text: str, ms: int) -> None:
        said.append(text)
        shown.update(text=text, until=clock[0] + ms / 1000 if ms else float("inf"))

    def wire(progress) -> None:
        QuietSaid(progress, show, lambda text: (shown["text"] if clock[0] < shown["until"] else "") == text)

    child = stuck_at_epoch_10(qtbot, wire, clock)
    event, seconds, progress = child.event, child.seconds, child.progress
    seconds(59)
    assert said == []
    seconds(16)  # 75 s with no word
    assert said == ["No word from the training process for 1 min (it may be stuck); Cancel ends it (Model → Show "
                    "training progress)."]
    seconds(50)  # past 2 min: said again, with its minutes
    assert len(said) == 2 and "for 2 min" in said[1]
    event({"event": "batch", "epoch": 11, "step": 1, "steps": 2})
    assert said[2:] == [SPOKE + ": training goes on (Model → Show training progress)."]
    seconds(400)  # stopped again (past 3 x the 2 min gap, `app.child_silence`), then cancelled: the end says its own
    assert len(said) == 4 and SILENCE in said[3]
    progress.show_cancelling()
    assert len(said) == 4
