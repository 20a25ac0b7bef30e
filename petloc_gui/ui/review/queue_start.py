"""The demo starts at the top of the review queue, its first planted mistake.

A folder opens on its first image in name order at once; the queue order is
known only once every image is predicted, or failed, or gone from the folder (seconds later). Until then the
demo sat on an image that agrees with its prediction, tens of rows down the
queue and out of sight. `QueueStart` moves to the queue's top when the order
is known, unless the user has already moved, edited or sorted otherwise:
it never takes an image away from someone working on it.

It looks when the list says its rows changed (the annotation files read, an
image gone), a prediction arrives or the opening scan ends, at most once per
``THROTTLE_MS``; never while nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from petloc_gui.ui.change_throttle import ChangeThrottle
from petloc_gui.ui.review.review_session import ReviewSession

THROTTLE_MS = 200


class QueueStart(QObject):
    """Shows the review queue's top once every image of ``session`` is predicted (at most ``timeout_s``)."""

    def __init__(self, session: ReviewSession, current_session: Callable[[], ReviewSession | None],
                 parent: QObject | None = None, timeout_s: float = 120.0) -> None:
        super().__init__(parent)
        self.session, self.current_session, self.timeout_s = session, current_session, timeout_s
        self.moved = False  # True once it showed the queue's top
        self.waiting = True  # until it moved, or left the user where they are, or gave up
        self._look_soon = ChangeThrottle(self._look, THROTTLE_MS, self)
        self._give_up = QTimer(self, singleShot=True, interval=int(timeout_s * 1000))
        self._give_up.timeout.connect(self._stop)
        rows = session.model
        # A prediction too (the list says nothing of a row a filter hides), and the scan's end (its last
        # files may have had no boxes: no row changed).
        self._look_soon.follow([rows.dataChanged, rows.layoutChanged, rows.modelReset, rows.rowsInserted,
                                session.parts.predictions.predicted, session.watchers.scanner.done])
        self._give_up.start()
        self._look_soon.changed()  # known already, perhaps: every prediction cached

    def _stop(self) -> None:
        if not self.waiting:
            return
        self.waiting = False
        self._look_soon.stop()
        self._give_up.stop()
        # a child of the window, holding its session: kept, each demo opened kept its folder's session (its
        # documents, rows and dataset) for as long as the window lived
        self.deleteLater()

    def _user_has_started(self) -> bool:
        """Moved to another image, edited this one (saved or not: it is held), or sorted by name."""
        s = self.session
        return len(s.visited) > 1 or s.model.held is not None or s.store.has_unsaved() or not s.model.review_order

    def _look(self) -> None:
        s = self.session
        if s.closed or self.current_session() is not s or self._user_has_started():
            self._stop()
            return
        if not s.queue_known():
            return
        self._stop()
        opened = s.current
        if s.show_queue_top():
            s.visited.discard(opened)  # the image the folder opened on was shown, not chosen: N may bring it up
            self.moved = True
