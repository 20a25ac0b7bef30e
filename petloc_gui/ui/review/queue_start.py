"""The demo starts at the top of the review queue, its first planted mistake.

A folder opens on its first image in name order at once; the queue order is
known only once every image is predicted, or failed, or gone from the folder (seconds later). Until then the
demo sat on an image that agrees with its prediction, tens of rows down the
queue and out of sight. `QueueStart` moves to the queue's top when the order
is known, unless the user has already moved, edited or sorted otherwise:
it never takes an image away from someone working on it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from petloc_gui.ui.review.review_session import ReviewSession

POLL_MS = 200


class QueueStart(QObject):
    """Shows the review queue's top once every image of ``session`` is predicted (at most ``timeout_s``)."""

    def __init__(self, session: ReviewSession, current_session: Callable[[], ReviewSession | None],
                 parent: QObject | None = None, timeout_s: float = 120.0) -> None:
        super().__init__(parent)
        self.session, self.current_session, self.timeout_s = session, current_session, timeout_s
        self.started = time.monotonic()
        self.moved = False  # True once it showed the queue's top
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._timer.start(POLL_MS)

    def _user_has_started(self) -> bool:
        """Moved to another image, edited this one (saved or not: it is held), or sorted by name."""
        s = self.session
        return len(s.visited) > 1 or s.model.held is not None or s.store.has_unsaved() or not s.model.review_order

    def _poll(self) -> None:
        s = self.session
        if (s.closed or self.current_session() is not s or self._user_has_started()
                or time.monotonic() - self.started > self.timeout_s):
            self._timer.stop()
            return
        if not s.queue_known():
            return
        self._timer.stop()
        opened = s.current
        if s.show_queue_top():
            s.visited.discard(opened)  # the image the folder opened on was shown, not chosen: N may bring it up
            self.moved = True
