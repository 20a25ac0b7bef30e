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
    qtbot.waitUntil(lambda: not start._timer.isActive(), timeout=10_000)
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
    qtbot.waitUntil(lambda: not start._timer.isActive(), timeout=10_000)
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
    qtbot.waitUntil(lambda: not start._timer.isActive(), timeout=10_000)
    assert not start.moved and window.session.current == 0
