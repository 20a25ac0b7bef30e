"""The demo folder written off the UI thread, the window saying so meanwhile.

Its 200 images and their XML files are written into a staging folder, each file synced
once before the folder takes its name (373 fsyncs, 1,142 before): on the UI thread that
writing froze the first run's window for 0.7-1.1 s on a fast disk and 8 s with a 5 ms
fsync (10-11 s in the startup hunt), unable to repaint or close. The writing goes to a `background` worker;
``ready`` or ``failed`` says how it ended, in the UI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from petloc_gui.ui import background

PREPARING = "Preparing the demo folder (first run only): writing 200 example digits…"


class StatusHost(Protocol):
    """The window as the preparer sees it (`window_host.WindowHost`): its status line, nothing else."""

    def show_status(self, text: str, ms: int) -> None:
        """Say ``text`` on the status line (``ms`` 0: until another line or a clear)."""

    def clear_status_if(self, text: str) -> None:
        """Clear the status line if it still says ``text`` (not a line said since)."""


def _write_demo() -> Path:
    """In a pool thread: the demo folder, written now if it is not there yet."""
    from petloc_gui.app.demo_folder import ensure_demo_folder

    return ensure_demo_folder()


class DemoPreparer(QObject):
    """Writes the demo folder in a worker; a child of the window, so its callbacks end with it."""

    ready = Signal(object)  # the demo folder's Path
    failed = Signal(str)  # what went wrong, as the window says it

    def __init__(self, window: StatusHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the host is the window, a QObject
        self._status = window
        self._worker: background.Worker | None = None

    def busy(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        """Write the demo folder (once at a time), saying so on the status line until it is done."""
        if self._worker is not None:
            return
        self._status.show_status(PREPARING, 0)
        self._worker = background.start(_write_demo, returned=self._written, errored=self._not_written)

    def _written(self, folder: Path) -> None:
        self._done()
        self.ready.emit(folder)

    def _not_written(self, exc: Exception) -> None:
        self._done()
        self.failed.emit(f"Cannot create the demo folder: {exc}")

    def _done(self) -> None:
        self._worker = None
        self._status.clear_status_if(PREPARING)
