"""`ImageSetWatch.unreadable` (a folder of the list that cannot be read, or can again) goes where the session says
through `FolderWatchers`, with the watchers' other findings: connected with them and disconnected with them when
the session closes. It was connected in `ReviewSession.__init__` and never disconnected: a look landing after the
session closed (another folder opened meanwhile) still put "Cannot read the folder …" on the status line."""

from __future__ import annotations

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.core.dataset import open_dataset
from petloc_gui.ui.review.folder_watchers import FolderWatchers

from .conftest import open_and_wait

OUTAGE = [("/data/pets/day", "Permission denied")]


def test_the_watchers_pass_the_unreadable_folders_on_until_closed(qtbot, folder):
    dataset = open_dataset(folder)
    said: list = []
    ignore = lambda *_args: None  # noqa: E731
    watchers = FolderWatchers(dataset, AnnotationStore(dataset), files_read=ignore, open_file_changed=ignore,
                              images_changed=ignore, folder_unreadable=said.append)
    try:
        watchers.image_watch.unreadable.emit(OUTAGE)
        watchers.image_watch.unreadable.emit([])  # readable again
        assert said == [OUTAGE, []]
    finally:
        watchers.close()
    watchers.image_watch.unreadable.emit(OUTAGE)  # a look that lands after closing goes nowhere
    assert said == [OUTAGE, []]


def test_a_closed_sessions_watch_no_longer_reaches_the_status_line(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    session = window.session
    session.watchers.image_watch.unreadable.emit(OUTAGE)  # while open: said
    assert window.statusBar().currentMessage().startswith("Cannot read the folder /data/pets/day: Permission denied")
    window.statusBar().clearMessage()
    session.close()
    session.watchers.image_watch.unreadable.emit(OUTAGE)  # its watch stopped, a look already on its way lands
    assert window.statusBar().currentMessage() == ""
