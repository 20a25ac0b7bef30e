"""Acting on a few Qt signals at most once per interval: one call for a burst of changes, none without.

The new-classes bar counts the boxes again, and the demo's queue start looks at the review queue, when
the file list, an edit, a prediction or the opening scan says something changed. Each had its own
single-shot timer and list of connections to drop; this is that shape once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QMetaObject, QObject, QTimer, SignalInstance


class ChangeThrottle(QObject):
    """Calls ``act`` ``interval_ms`` after a change (`changed`, or a signal it `follow`s), once for every
    change until then."""

    def __init__(self, act: Callable[[], None], interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._due = QTimer(self, singleShot=True, interval=interval_ms)
        self._due.timeout.connect(act)
        self._followed: list[QMetaObject.Connection] = []

    def follow(self, signals: Iterable[SignalInstance]) -> None:
        """Each of ``signals`` is a change from now on, instead of those followed until now (a call
        already due still comes)."""
        self._unfollow()
        self._followed = [signal.connect(self.changed) for signal in signals]

    def changed(self) -> None:
        """Something changed: ``act`` is called within the interval, once for all the changes until then."""
        if not self._due.isActive():
            self._due.start()

    def stop(self) -> None:
        """Nothing is followed any more, and a call due is dropped."""
        self._unfollow()
        self._due.stop()

    def _unfollow(self) -> None:
        for connection in self._followed:
            QObject.disconnect(connection)  # (False, harmless, when the signal's object is deleted already)
        self._followed = []
