"""The one owner of a session's watchers: started in the order that misses nothing, closed together."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.review import folder_watchers
from petloc_gui.ui.review.folder_watchers import FolderWatchers


def _watchers(folder, calls: list) -> FolderWatchers:
    dataset = open_dataset(folder)
    return FolderWatchers(dataset, AnnotationStore(dataset),
                          files_read=lambda rows, results: calls.append(("read", list(rows))),
                          open_file_changed=lambda row, doc, state: calls.append(("open", row)),
                          images_changed=lambda added, removed: calls.append(("images", added, removed)))


def test_the_scan_starts_only_once_the_follower_has_noted_every_file(qtbot, folder, monkeypatch):
    noted = []
    monkeypatch.setattr(folder_watchers.FolderFollower, "start", lambda self, then=None: noted.append(then))
    calls: list = []
    watchers = _watchers(folder, calls)
    try:
        qtbot.wait(200)
        assert not watchers.scan_finished() and calls == []  # the follower's baseline is not there yet
        noted[0]()  # it is: the scan may read now, and a write during it will be seen
        qtbot.waitUntil(watchers.scan_finished, timeout=5000)
        annotated = [row for row, name in enumerate("abcde") if (folder / f"{name}.xml").exists()]
        assert len(annotated) >= 3
        assert sorted(row for kind, rows in calls if kind == "read" for row in rows) == annotated
    finally:
        watchers.close()


def test_closing_stops_all_four_and_nothing_arrives_after(qtbot, folder):
    calls: list = []
    watchers = _watchers(folder, calls)
    qtbot.waitUntil(watchers.scan_finished, timeout=5000)
    calls.clear()
    disk, follower, image_watch = watchers.disk, watchers.follower, watchers.image_watch
    watchers.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a second disconnect warns
        watchers.close()  # idempotent: the window closes a session again when it closes
    # a worker's result landing after the close goes nowhere
    watchers.scanner.scanned.emit([0], [None])
    follower.changed.emit([1], [None])
    image_watch.changed.emit([str(folder / "new.png")], [])
    assert calls == []
    watchers.watch(SimpleNamespace(annotation_path=folder / "a.xml"))  # no longer followed
    assert disk.watcher.files() == [] and disk.watcher.directories() == []
    assert follower.looks.watcher.directories() == [] and image_watch.looks.watcher.directories() == []
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # their watchers go with them
    assert not any(shiboken6.isValid(obj) for obj in (disk, follower, image_watch))


def test_closing_during_the_scan_stops_it(qtbot, folder, monkeypatch):
    noted = []
    monkeypatch.setattr(folder_watchers.FolderFollower, "start", lambda self, then=None: noted.append(then))
    watchers = _watchers(folder, [])
    noted[0]()
    watchers.close()
    assert watchers.scanner._worker.aborted  # its worker reads no further
