"""The demo's start at the review queue's top (`queue_start`): once the order is known, unless the
user has moved on or edited meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def test_queue_start_shows_the_queue_top_once_known_unless_the_user_moved(qtbot, window, folder):
    from petloc_gui.ui.review.queue_start import QueueStart

    assert window.open_folder(folder, model="fake")  # a.png on screen at once, before any prediction
    window.file_dock.set_review_order(True)
    start = QueueStart(window.session, lambda: window.session, parent=window)
    qtbot.waitUntil(lambda: not start.waiting, timeout=10_000)
    assert start.moved and window.session.model.names[window.session.current] == "b.png"  # the queue's top

    # N still brings up the image the folder opened on (shown, not chosen): a is last in the queue
    for expected in ("e.png", "c.png", "d.png", "a.png"):
        window.next_to_review()
        assert window.session.model.names[window.session.current] == expected


@pytest.fixture
def predictions_held(monkeypatch):
    """Predictions wait (in their worker thread) until the event is set: the queue order stays unknown."""
    import threading

    from .conftest import FakeHandle

    gate = threading.Event()
    predict = FakeHandle.predict_paths

    def held(self, paths):
        gate.wait(10)
        return predict(self, paths)

    monkeypatch.setattr(FakeHandle, "predict_paths", held)
    yield gate
    gate.set()


def test_queue_start_leaves_a_user_who_moved_on(qtbot, window, folder, predictions_held):
    from petloc_gui.ui.review.queue_start import QueueStart

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    start = QueueStart(window.session, lambda: window.session, parent=window)
    assert not window.session.queue_known()
    window.show_row(3)  # the user moves on (a click in the list) before the order is known
    predictions_held.set()
    qtbot.waitUntil(lambda: not start.waiting, timeout=10_000)
    assert not start.moved and window.session.current == 3


def test_queue_start_leaves_an_image_edited_and_saved(qtbot, window, folder, predictions_held):
    from petloc_gui.ui.review.queue_start import QueueStart

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    start = QueueStart(window.session, lambda: window.session, parent=window)
    assert not window.session.queue_known()
    # a.png (shown at open): its box deleted, then saved: nothing unsaved is left, yet it was edited
    qtbot.keyClick(window, Qt.Key_Delete)
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    assert not window.has_unsaved()
    predictions_held.set()
    qtbot.waitUntil(lambda: not start.waiting, timeout=10_000)
    assert not start.moved and window.session.current == 0


def test_queue_start_looks_only_when_the_list_changes(qtbot, window, folder, predictions_held):
    """It asked `queue_known` every 200 ms until the order was known (or 120 s went by): now when the
    list's rows change or the scan ends, once per burst."""
    from petloc_gui.ui.review import queue_start
    from petloc_gui.ui.review.queue_start import QueueStart

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    session = window.session
    qtbot.waitUntil(session.watchers.scan_finished, timeout=10_000)
    qtbot.wait(400)  # the scan's rows shown (the list repaints its changes every 200 ms)
    looks = []
    known = session.queue_known
    session.queue_known = lambda: (looks.append(1), known())[1]
    start = QueueStart(session, lambda: window.session, parent=window)
    qtbot.wait(queue_start.THROTTLE_MS * 6)
    assert len(looks) == 1 and start.waiting  # its first look; the predictions are held: nothing changed since
    predictions_held.set()
    qtbot.waitUntil(lambda: not start.waiting, timeout=10_000)
    assert start.moved and session.model.names[session.current] == "b.png"  # the queue's top
    assert len(looks) <= 6  # a look per burst of predictions (5 images), not one per 200 ms


def test_queue_start_looks_again_when_the_scan_ends(qtbot, window, folder):
    """The scan's end may change no row (its last files had no boxes): it is a change of its own."""
    from petloc_gui.ui.review import queue_start
    from petloc_gui.ui.review.queue_start import QueueStart

    from .conftest import wait_predictions

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    session = window.session
    watchers = session.watchers
    qtbot.waitUntil(watchers.scan_finished, timeout=10_000)
    wait_predictions(qtbot, window)
    finished = watchers.scan_finished
    watchers.scan_finished = lambda: False  # as if the scan still read files without boxes
    start = QueueStart(session, lambda: window.session, parent=window)
    qtbot.wait(queue_start.THROTTLE_MS * 3)
    assert start.waiting and not start.moved
    watchers.scan_finished = finished
    watchers.scanner.done.emit()  # the scan ends
    qtbot.waitUntil(lambda: not start.waiting, timeout=5000)
    assert start.moved and session.model.names[session.current] == "b.png"



def test_queue_start_sees_the_last_predictions_of_rows_a_filter_hides(qtbot, window, folder, predictions_held):
    """The list reports no change of a row its filter hides: the predictions themselves are a change."""
    from petloc_gui.ui.review.queue_start import QueueStart

    from .conftest import PRED

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    session = window.session
    qtbot.waitUntil(session.watchers.scan_finished, timeout=10_000)
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    session.model.set_text("zzz")  # no row listed
    start = QueueStart(session, lambda: window.session, parent=window)
    qtbot.wait(600)  # its first look (the order is not known: every prediction is held), the list's timers
    assert start.waiting and not session.queue_known()
    version = window.current_model_info().version_id
    for row, name in enumerate(session.model.names):  # as the held predictions would arrive
        window.predictions.predicted.emit(str(session.image_path(row)), version, PRED[name])
    assert session.queue_known()
    qtbot.waitUntil(lambda: not start.waiting, timeout=5000)  # it looked: the order is known


def test_queue_start_lets_its_session_go_once_it_stops(qtbot, window, folder):
    """Each demo opened left a QueueStart child of the window holding the demo's session for good (about
    0.45 MB of documents, rows and dataset per opening); once it stops it is deleted."""
    from petloc_gui.ui.review.queue_start import QueueStart

    assert window.open_folder(folder, model="fake")
    window.file_dock.set_review_order(True)
    start = QueueStart(window.session, lambda: window.session, parent=window)
    qtbot.waitUntil(lambda: not start.waiting, timeout=10_000)
    qtbot.waitUntil(lambda: not window.findChildren(QueueStart), timeout=5_000)
