"""`ChangeThrottle`, the one way the new-classes bar and the demo's queue start follow the list's
changes: one call per burst of changes, none without, none after `stop`."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from petloc_gui.ui.change_throttle import ChangeThrottle

INTERVAL_MS = 50


class _Source(QObject):
    changed = Signal()
    moved = Signal(int, str)  # a signal with arguments, as the list's and the predictions' are


def _throttle(qtbot):
    calls: list[int] = []
    source, other = _Source(), _Source()
    throttle = ChangeThrottle(lambda: calls.append(1), INTERVAL_MS)
    throttle.follow([source.changed, source.moved])
    return throttle, source, other, calls


def test_a_burst_of_changes_is_one_call_and_no_change_none(qtbot):
    throttle, source, _, calls = _throttle(qtbot)
    qtbot.wait(INTERVAL_MS * 3)
    assert calls == []  # nothing changed
    for _ in range(5):
        source.changed.emit()
    source.moved.emit(3, "b.png")
    assert calls == []  # not at once
    qtbot.waitUntil(lambda: calls == [1], timeout=INTERVAL_MS * 20)
    qtbot.wait(INTERVAL_MS * 3)
    assert calls == [1]  # the whole burst, once
    throttle.changed()  # asked directly (the queue start's first look)
    qtbot.waitUntil(lambda: calls == [1, 1], timeout=INTERVAL_MS * 20)


def test_following_other_signals_drops_the_old_ones(qtbot):
    throttle, source, other, calls = _throttle(qtbot)
    throttle.follow([other.changed])
    source.changed.emit()
    qtbot.wait(INTERVAL_MS * 3)
    assert calls == []
    other.changed.emit()
    qtbot.waitUntil(lambda: calls == [1], timeout=INTERVAL_MS * 20)


def test_stopped_it_follows_nothing_and_drops_a_call_due(qtbot):
    throttle, source, _, calls = _throttle(qtbot)
    source.changed.emit()
    throttle.stop()
    qtbot.wait(INTERVAL_MS * 3)
    source.changed.emit()
    qtbot.wait(INTERVAL_MS * 3)
    assert calls == []


def test_changes_that_never_pause_are_still_acted_on(qtbot):
    """A throttle, not a debounce: a stream of changes (the opening scan's) is acted on while it lasts."""
    _throttle_kept, source, _, calls = _throttle(qtbot)  # (without a parent, it lives as long as a reference)
    for _ in range(12):
        source.changed.emit()
        qtbot.wait(INTERVAL_MS // 2)
    assert len(calls) >= 2
