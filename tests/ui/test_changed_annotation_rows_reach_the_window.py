"""The folder watch told the window that annotation files changed without saying whose (the Dataset panel counts
again), and the trained-here check subscribed to the watch's own signal from below, kept a weak reference to the
session's watch, and re-subscribed on each check. Now the rows go through the one hook (`FolderWatchers`'s
``files_changed``, the window's `annotation_files_changed`), which hands them to the trained-here check as a save
is (`TrainedHereWatch.annotations_changed`)."""

from __future__ import annotations

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.ui.review.folder_watchers import FolderWatchers

from .conftest import open_and_wait


def _rewritten(path) -> None:
    """Another program writes ``path`` again (its object renamed: a change of content, not of time alone)."""
    annotation = read_voc(path)
    annotation.objects[0].name = "dog" if annotation.objects[0].name != "dog" else "cat"
    write_voc(annotation, path)


def test_the_folder_watch_gives_the_rows_changed(qtbot, folder):
    dataset = open_dataset(folder)
    changed: list[list[int]] = []
    watchers = FolderWatchers(dataset, AnnotationStore(dataset), files_read=lambda _rows, _results: None,
                              open_file_changed=lambda _row, _doc, _state: None,
                              images_changed=lambda _added, _removed: None, files_changed=changed.append)
    try:
        qtbot.waitUntil(watchers.scan_finished, timeout=5000)
        row = next(row for row, item in enumerate(dataset.items) if item.annotation_path.exists())
        _rewritten(dataset.items[row].annotation_path)
        watchers.follower.looks.look()
        qtbot.waitUntil(lambda: changed != [], timeout=5000)
        assert changed == [[row]]
    finally:
        watchers.close()


def test_the_window_hands_the_rows_to_the_trained_here_check(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=5000)
    told: list[list[int]] = []
    monkeypatch.setattr(window.trained_here, "annotations_changed", told.append)
    items = window.session.dataset.items
    row = next(row for row, item in enumerate(items) if item.annotation_path.exists())
    _rewritten(items[row].annotation_path)
    follower = window.session.watchers.follower
    follower.looks.look()
    qtbot.waitUntil(lambda: told != [], timeout=5000)
    assert told == [[row]]
