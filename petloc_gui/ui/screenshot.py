"""--screenshot: wait until the first image's prediction is on screen, save a PNG, quit.

When the list is sorted as the review queue (the demo), "the first image" is
the top of the queue, which is only known once the folder is predicted: the
taker waits for that (at most half the time limit), then shows it.

A folder no model knows (its classes are none of any model's) is a state of
the window like any other, with its own bar: the taker waits for the opening
scan (the bar counts the boxes it reads), brings the bar's counts up to date
and saves the window as it is, with no prediction. A model that fails to load
is an error: nothing is saved.

Exit codes (`petloc-gui --help` lists them): 0 saved, 2 timed out, 3 the PNG
could not be written (stderr says why: `why_not_written`), 4 the model failed
to load (app.py: 1 the folder could not be opened).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QIODevice, QObject, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.errors import PetlocError
from petloc_gui.ui.review.review_session import ReviewSession

# Polled, not waited on (ui/background.py's rule is for work handed to threads): "ready" joins the image
# decoded (the session), the opening scan (its watchers), the review queue known, the model loaded and its
# prediction cached or failed (the prediction service), each its own object and no one signal of them all,
# and the settle time and the time limit are timers anyway.
POLL_MS = 100
EXIT_SAVED, EXIT_TIMED_OUT, EXIT_NOT_WRITTEN, EXIT_MODEL_FAILED = 0, 2, 3, 4


class PickKeeper(Protocol):
    """The window's model controller as the taker sees it: whether a picked version is kept once it loads."""

    keeps_picks: bool


class ScreenshotHost(Protocol):
    """The window as the screenshot taker sees it: ``session`` only read (whether the image is ready), what
    is changed on screen asked of the window (`show_prediction`, `refresh_new_classes`)."""

    session: ReviewSession | None

    @property
    def models(self) -> PickKeeper: ...

    @property
    def model_problem(self) -> str | None: ...

    def current_model_spec(self) -> str: ...

    def current_model_info(self) -> object | None: ...

    def first_visible_row(self) -> int | None: ...

    def show_row(self, row: int) -> None: ...

    def cached_prediction(self, path: Path) -> object | None: ...

    def model_status_text(self) -> str: ...

    def show_prediction(self) -> None:
        """The shown image's prediction drawn now, as cached."""

    def refresh_new_classes(self) -> None:
        """The no-model bar's counts brought up to date, where it shows (it counts again a moment after a
        change)."""

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
        # A screenshot run changes nothing in the model store, as it keeps no settings: `--model <a version not
        # kept or discarded yet>` was recorded kept once it loaded, as a pick in the window is.
        window.models.keeps_picks = False

    def start(self) -> None:
        self._timer.start(POLL_MS)

    def _no_model(self) -> bool:
        """No model knows the folder's classes: the window predicts nothing and says so (no spec is in use,
        where a model that failed to load keeps its spec)."""
        return bool(self.window.model_problem) and not self.window.current_model_spec()

    def _ready(self) -> bool:
        session = self.window.session
        if session is None or session.current is None or session.loading is not None:
            return False  # nothing shown yet, or the image still decoding
        no_model = self._no_model()
        if no_model and not session.watchers.scan_finished():
            return False  # the no-model bar counts the boxes the opening scan reads
        if session.model.review_order and not self._queue_top_shown:
            # with no model no prediction comes: the queue is final once the scan is done
            if not no_model and not session.queue_known() and time.monotonic() - self.started < self.timeout_s / 2:
                return False
            self._queue_top_shown = True
            if session.show_queue_top():
                return False  # another image: wait for it to decode
        if no_model:
            return True  # the window as it is: the image, no prediction, the bar saying why
        if session.current in session.model.gone:
            return True  # deleted since the folder was read: its pane says so, no prediction comes
        if self.window.current_model_info() is None:
            # predictions kept from an earlier run show while the model loads: the picture is the loaded
            # model's, and a model that fails to load writes none (exit 4)
            return False
        result = self.window.cached_prediction(session.image_path(session.current))
        return result is not None or bool(session.model.pred_errors[session.current])  # or an uncached failure

    def _poll(self) -> None:
        if self.window.model_problem and not self._no_model():
            self._timer.stop()
            print(f"petloc-gui: {self.window.model_problem}; no screenshot written", file=sys.stderr)
            self._finish(EXIT_MODEL_FAILED)
        elif self._ready():
            self.shown_at = self.shown_at or time.monotonic()
            if (time.monotonic() - self.shown_at) * 1000 >= self.settle_ms:
                self._timer.stop()
                self._save()
        elif time.monotonic() - self.started > self.timeout_s:
            self._timer.stop()
            status = self.window.model_status_text()
            print(f"petloc-gui: timed out after {self.timeout_s:.0f} s waiting for the first prediction "
                  f"({status})", file=sys.stderr)
            self._finish(EXIT_TIMED_OUT)

    def _save(self) -> None:
        self.window.show_prediction()
        self.window.refresh_new_classes()  # the counts of every box read, now
        QApplication.processEvents()
        why = why_not_written(self.window.grab(), self.out)
        ok = why is None
        if not ok:
            print(f"petloc-gui: could not write screenshot {self.out}: {why}", file=sys.stderr)
        elif self._no_model():  # a picture without predictions: said, so a script does not take it for one
            print(f"petloc-gui: {self.window.model_problem} The screenshot shows the window without predictions.",
                  file=sys.stderr)
        self._finish(EXIT_SAVED if ok else EXIT_NOT_WRITTEN)

    def _finish(self, code: int) -> None:
        self.window.shutdown()
        QApplication.exit(code)


def why_not_written(pixmap: QPixmap, out: Path) -> str | None:
    """Write ``pixmap`` to ``out`` in the format its suffix names, atomically (`core.atomic`); None when written,
    else why not. QPixmap.save(out) said only that it failed: "could not write screenshot shots/nodir/c.png",
    exit 3, with no word of the folder that was not there."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not out.suffix[1:] or not pixmap.save(buffer, out.suffix[1:]):
        kind = f"Qt writes no {out.suffix} images" if out.suffix else "its name says no image format"
        return f"{kind}; give a name ending in .png"
    folder = out.parent
    try:
        if not folder.is_dir():  # said as such, not as "cannot save: folder ... does not exist or is not a folder"
            return f"{folder} is not a folder" if folder.exists() else f"folder {folder} does not exist"
        atomic_write_bytes(out, bytes(buffer.data().data()))
    except PetlocError as exc:
        return exc.reason.removeprefix("cannot save: ")
    except OSError as exc:  # a look at the place refused (a folder above it that cannot be searched)
        return exc.strerror or str(exc)
    return None
