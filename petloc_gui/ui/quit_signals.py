"""SIGTERM and SIGHUP close the window as File → Quit does (`QuitSignals`), on Unix.

Python's default for both ends the process at once: `kill PID`, closing the terminal that started petloc-gui,
or a logout lost the unsaved edits without a word (no save question, the XML unchanged), and with them a new
model's Keep / Discard question, the prediction cache's last batch and the window's layout.

What happens, decided for a user who expects their edits kept: the first SIGTERM or SIGHUP brings the window
forward and closes it through its own close, questions included: edits are saved without asking when autosave is
on, else "Unsaved changes" asks (Save All the default); a running training and a model waiting for Use / Discard
are asked about; layout and cache are kept as always. Nothing is saved or discarded without the user's word: a
signal may come from a script or a logout, and the window cannot tell which. Cancel keeps the window open, and the
status line says a quit was asked. A second SIGTERM or SIGHUP while that close is under way (its questions open,
nobody to answer them) ends the process at once, as the signal did before: nothing more is saved (the README and
ADR 0005 say so).

A Python signal handler runs only when the interpreter does, and inside Qt's event loop it may not for long; and
no Qt call is safe in a C signal handler. So the handler does nothing: `signal.set_wakeup_fd` has Python's own C
handler write the signal's number to a socket, whose `QSocketNotifier` wakes the event loop here, and the close is
started from a timer (the questions' nested event loops then still hear a second signal).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QMainWindow

# the signals a window is asked to close by (SIGHUP: its terminal closed; there is none on Windows, nor the rest)
QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
ASKED_MS = 30_000


class QuitSignals(QObject):
    """While installed (`install` to `uninstall`), SIGTERM and SIGHUP close ``window`` as File → Quit does; a
    second one during that close ends the process at once."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.closing = 0  # the signal whose close is under way (0: none)
        self._reader: socket.socket | None = None
        self._writer: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._before: dict[int, Any] = {}  # each signal's handler before ours
        self._wakeup_before = -1

    def install(self) -> bool:
        """Take SIGTERM and SIGHUP over (Unix, main thread only); False where they cannot be (Windows)."""
        if os.name != "posix" or not QUIT_SIGNALS:
            return False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)  # (the C handler must never block on a full socket)
        self._wakeup_before = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in QUIT_SIGNALS:
            self._before[number] = signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        return True

    def uninstall(self) -> None:
        """The handlers and wake-up socket as they were (the event loop has ended: a signal now ends the process)."""
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        for number, before in self._before.items():
            signal.signal(number, before if before is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._wakeup_before)
        for end in (self._reader, self._writer):
            if end is not None:
                end.close()
        self._notifier = self._reader = self._writer = None

    def _woken(self) -> None:
        """The socket has the numbers of the signals caught since (any signal Python handles: SIGINT's too)."""
        assert self._reader is not None, "the notifier goes with the socket"
        received = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._reader.recv(64):
                received += chunk
        for number in received:
            if number in QUIT_SIGNALS:
                self.received(number)

    def received(self, number: int) -> None:
        """SIGTERM or SIGHUP (``number``) came: the window's close starts, or, with one under way, the process ends."""
        if self.closing:
            self._end_now(number)
        else:
            self.closing = number
            QTimer.singleShot(0, self._close)

    def _close(self) -> None:
        window, name = self.window, signal.Signals(self.closing).name
        if window.isMinimized():
            window.showNormal()
        window.raise_()  # its questions over it, in sight: the window of a closed terminal may be behind others
        window.activateWindow()
        window.statusBar().showMessage(f"Asked to quit ({name} from another program): closing as File → Quit does; "
                                       "another SIGTERM or SIGHUP now quits at once, unsaved edits not saved.",
                                       ASKED_MS)
        if window.close():
            return  # (``closing`` stays: another signal before the process has ended ends it at once)
        self.closing = 0  # the user's Cancel in a question: the window goes on, and a later signal asks again
        window.statusBar().showMessage(f"Asked to quit ({name} from another program); the quit was cancelled.",
                                       ASKED_MS)

    def _end_now(self, number: int) -> None:
        """End the process as ``number`` would have without us (nothing more saved): the quit's questions are open
        and nobody answers them, or whoever sent it will not wait."""
        self.uninstall()
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)


def _noted(number: int, frame: Any) -> None:
    """The Python handler: nothing (`signal.set_wakeup_fd`'s socket does the work, in the event loop)."""
