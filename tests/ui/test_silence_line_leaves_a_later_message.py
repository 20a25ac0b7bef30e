"""A training child stuck with the Retraining window put away is said on the main window's status line, and said
again as its minutes grow ("for 2 min", "for 3 min", …) until replaced. Each new minute replaced whatever the line
showed by then: a save failure said after the first silence line was gone a minute later, with nothing left to say
it. The minutes are said again only while the line still shows the silence or nothing; a line said since stays, and
the child speaking again is not said over it either (the silence it corrects is not shown)."""

from __future__ import annotations

from petloc_gui.ui.training.said_while_hidden import SPOKE_AGAIN, say_while_hidden

from .stuck_training_child import stuck_at_epoch_10

SILENCE = "No word from the training process for"
SAVE_FAILED = "Save failed: cat_1.xml: [Errno 28] No space left on device"  # as the save guard says it, for 15 s
SAVED = "Saved 1 image."


def _stuck_at_epoch_10(qtbot, window):
    """(the real window's status bar, a child's event, seconds of checks), the child silent after epoch 10."""
    child = stuck_at_epoch_10(qtbot, lambda progress: say_while_hidden(progress, window, lambda: None))
    return window.statusBar(), child.event, child.seconds


def test_a_save_failure_said_after_the_silence_stays_as_its_minutes_grow(qtbot, window):
    status, event, seconds = _stuck_at_epoch_10(qtbot, window)
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


def test_the_silence_comes_back_at_the_next_check_once_a_short_message_is_gone(qtbot, window):
    # (a review: said again only with a new minute, the line stayed blank 41 s after a 4 s "Saved 1 image.")
    status, _, seconds = _stuck_at_epoch_10(qtbot, window)
    seconds(75)
    assert status.currentMessage().startswith(f"{SILENCE} 1 min"), status.currentMessage()
    window.show_status(SAVED, 4000)
    seconds(4)
    status.clearMessage()  # its 4 s over
    seconds(1)
    assert status.currentMessage().startswith(f"{SILENCE} 1 min"), status.currentMessage()


def test_the_first_silence_line_waits_for_a_save_failure_said_before_it(qtbot, window):
    status, _, seconds = _stuck_at_epoch_10(qtbot, window)
    seconds(50)
    assert not status.currentMessage().startswith(SILENCE), status.currentMessage()
    window.show_status(SAVE_FAILED, 15000)
    seconds(20)  # the silence passes its limit while the failure is shown: the failure stays
    assert status.currentMessage() == SAVE_FAILED, status.currentMessage()
    status.clearMessage()  # its 15 s over
    seconds(1)
    assert status.currentMessage().startswith(f"{SILENCE} 1 min"), status.currentMessage()


def test_responds_again_only_over_a_silence_line_still_shown(qtbot, window):
    status, event, seconds = _stuck_at_epoch_10(qtbot, window)
    while not status.currentMessage().startswith(SILENCE):
        seconds(1)
    window.show_status(SAVE_FAILED, 15000)  # the same second: the silence line on the screen for no time
    status.clearMessage()  # (gone before the next check)
    event({"event": "batch", "epoch": 11, "step": 1, "steps": 2})
    assert status.currentMessage() != SPOKE_AGAIN  # a silence never seen is not said to be over
