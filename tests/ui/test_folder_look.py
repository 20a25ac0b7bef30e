"""When the folder followers look again: nothing before `start` or after `stop`, one look at a time."""

from __future__ import annotations

import threading

from petloc_gui.ui.review import folder_look
from petloc_gui.ui.review.folder_follower import FolderFollower
from petloc_gui.ui.review.folder_look import FolderLook


class _Looks:
    """A look that waits until released, so a test can ask for another while it runs."""

    def __init__(self) -> None:
        self.ran = 0
        self.done: list[int] = []
        self.gate = threading.Event()
        self.gate.set()

    def work(self):
        return self._run, ()

    def _run(self) -> int:
        self.gate.wait(5)
        self.ran += 1
        return self.ran


def test_a_look_asked_for_before_the_start_runs_at_the_start_and_one_asked_for_meanwhile_after(qtbot):
    looks = _Looks()
    look = FolderLook(looks.work, looks.done.append, quiet_ms=50, poll_ms=60_000)
    look.look()  # before the owner's baseline: nothing runs yet
    qtbot.wait(100)
    assert looks.done == []
    looks.gate.clear()
    look.start()
    assert look.busy
    look.look()  # while the first runs
    looks.gate.set()
    qtbot.waitUntil(lambda: looks.done == [1, 2] and not look.busy, timeout=5000)
    look.stop()


def test_after_stop_nothing_runs_and_a_result_in_flight_is_dropped(qtbot, tmp_path):
    looks = _Looks()
    look = FolderLook(looks.work, looks.done.append, quiet_ms=50, poll_ms=100)
    look.watch([tmp_path])
    look.start()
    looks.gate.clear()
    look.look()
    look.look()  # asked for again meanwhile: forgotten by stop
    look.stop()
    looks.gate.set()
    qtbot.waitUntil(lambda: not look.busy, timeout=5000)
    (tmp_path / "x.png").write_bytes(b"x")
    qtbot.wait(300)
    assert looks.done == [] and looks.ran == 1 and look.watcher.directories() == []


def test_the_watch_takes_each_folder_once_and_at_most_max_watched(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(folder_look, "MAX_WATCHED", 2)
    folders = [tmp_path / name for name in "abc"]
    for folder in folders:
        folder.mkdir()
    look = FolderLook(lambda: (int, ()), lambda result: None, quiet_ms=50, poll_ms=60_000)
    look.watch([folders[0], folders[0], tmp_path / "absent"])
    look.watch(folders)
    assert sorted(look.watcher.directories()) == [str(folders[0]), str(folders[1])]
    look.stop()


def test_a_follower_stopped_before_its_baseline_starts_nothing(qtbot, tmp_path):
    (tmp_path / "a.xml").write_text("<annotation/>")
    follower = FolderFollower([tmp_path / "a.xml"])
    scans = []
    follower.start(then=lambda: scans.append(1))
    follower.stop()  # the folder was closed at once
    qtbot.wait(300)
    assert scans == [] and not follower.looks.poll.isActive()


def test_a_look_that_raises_does_not_stop_the_following(qtbot, capsys):
    """One unexpected exception left the look busy for good: no look, no result, ever again."""
    looks = _Looks()
    raised = []

    def run_or_raise() -> int:
        if not raised:
            looks.gate.wait(5)
            raised.append(1)
            raise ValueError("one bad look")
        return looks._run()

    look = FolderLook(lambda: (run_or_raise, ()), looks.done.append, quiet_ms=50, poll_ms=60_000)
    looks.gate.clear()
    look.start()
    look.look()
    look.look()  # asked for while the failing one runs: runs after it
    looks.gate.set()
    qtbot.waitUntil(lambda: looks.done == [1] and not look.busy, timeout=5000)
    look.look()  # and a later event or poll looks again
    qtbot.waitUntil(lambda: looks.done == [1, 2] and not look.busy, timeout=5000)
    assert "ValueError: one bad look" in capsys.readouterr().err
    look.stop()
