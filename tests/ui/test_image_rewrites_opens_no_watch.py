"""ImageRewrites is told of folder events by the image set's watch (`FolderWatchers`), yet its FolderLook made a
QFileSystemWatcher of its own, never given a folder: one more of the user's inotify instances (128 by default)
per open folder. A FolderLook's watch is made when a folder is first given to it."""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher

from petloc_gui.ui.review.folder_look import FolderLook
from petloc_gui.ui.review.image_rewrites import ImageRewrites


def test_image_rewrites_makes_no_folder_watch(qtbot, tmp_path):
    rewrites = ImageRewrites([str(tmp_path / "a.png")])
    rewrites.start()
    qtbot.waitUntil(rewrites.looks.poll.isActive, timeout=5000)  # the baseline read: looking from now on
    rewrites.stop()
    assert rewrites.findChildren(QFileSystemWatcher) == []


def test_a_folder_look_makes_its_watch_when_given_a_folder(qtbot, tmp_path):
    look = FolderLook(lambda: (len, ((),)), lambda _result: None, quiet_ms=50, poll_ms=60_000)
    assert look.findChildren(QFileSystemWatcher) == []
    look.watch([tmp_path])
    assert look.watcher.directories() == [str(tmp_path)]
    assert len(look.findChildren(QFileSystemWatcher)) == 1
    look.stop()
    assert look.watcher.directories() == []
