"""--screenshot: wait until the first image's prediction is on screen, save a PNG, quit.

When the list is sorted as the review queue (the demo), "the first image" is
the top of the queue, which is only known once the folder is predicted: the
taker waits for that (at most half the time limit), then shows it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.review.review_session import ReviewSession

POLL_MS = 100


class ScreenshotHost(Protocol):
    """The window as the screenshot taker sees it."""

    session: ReviewSession | None

    @property
    def model_problem(self) -> str | None: ...

    def first_visible_row(self) -> int | None: ...

    def show_row(self, row: int) -> None: ...

    def cached_prediction(self, path: Path) -> object | None: ...

    def model_status_text(self) -> str: ...

    def grab(self) -> QPixmap: ...

    def shutdown(self) -> None: ...


class ScreenshotTaker(QObject):
    """Polls the window; exits the app with 0 after saving, non-zero on timeout or error."""

    def __init__(self, window: ScreenshotHost, out: Path, timeout_s: float = 180.0, settle_ms: int = 400) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the host is the QMainWindow
        self.window, self.out, self.timeout_s, self.settle_ms = window, Path(out), timeout_s, settle_ms
        self.started = time.monotonic()
        self.shown_at: float | None = None
        self._queue_top_shown = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._timer.start(POLL_MS)

    def _ready(self) -> bool:
        session = self.window.session
        if session is None or session.current is None or session.loading is not None:
            return False  # nothing shown yet, or the image still decoding
        if session.model.review_order and not self._queue_top_shown:
            if not session.queue_known() and time.monotonic() - self.started < self.timeout_s / 2:
                return False
            self._queue_top_shown = True
            session.show_queue_top()
        if session.current in session.model.gone:
            return True  # deleted since the folder was read: its pane says so, no prediction comes
        result = self.window.cached_prediction(session.image_path(session.current))
        return result is not None or bool(session.model.pred_errors[session.current])  # or an uncached failure

    def _poll(self) -> None:
        if self.window.model_problem:
            self._timer.stop()
            print(f"petloc-gui: {self.window.model_problem}", file=sys.stderr)
            self._finish(4)
        elif self._ready():
            self.shown_at = self.shown_at or time.monotonic()
            if (time.monotonic() - self.shown_at) * 1000 >= self.settle_ms:
                self._timer.stop()
                self.window.session.show_prediction()
                QApplication.processEvents()
                ok = self.window.grab().save(str(self.out))
                if not ok:
                    print(f"petloc-gui: could not write screenshot {self.out}", file=sys.stderr)
                self._finish(0 if ok else 3)
        elif time.monotonic() - self.started > self.timeout_s:
            self._timer.stop()
            status = self.window.model_status_text()
            print(f"petloc-gui: timed out after {self.timeout_s:.0f} s waiting for the first prediction "
                  f"({status})", file=sys.stderr)
            self._finish(2)

    def _finish(self, code: int) -> None:
        self.window.shutdown()
        QApplication.exit(code)
