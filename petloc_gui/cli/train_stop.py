"""`petloc train`'s stop handling: a first Ctrl+C or SIGTERM cancels training cleanly (no bundle), a
second aborts at once (`abort`); once the bundle is being written a stop is too late, and says so."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from petloc_gui.cli.output import info
from petloc_gui.cli.stop_signals import STOP_SIGNALS, interrupt_for, signal_name, stopped, work_done
from petloc_gui.cli.taken_back import remove_empty

# What a first stop says; {by} and {again} as `stop_line` fills them in
STOPPING = "\nstopping{by}: no bundle will be written ({again} to abort at once)..."
TOO_LATE = "\ntoo late to cancel{by}: the bundle is being written ({again} to abort)"
TOO_LATE_WORKER = ("\ntoo late to cancel{by}: all workers have agreed to finish, and the chief worker writes "
                   "the bundle")


def by_signal(signum: int | None) -> str:
    """What the lines about a stop add when a signal other than Ctrl+C asked for it: the user did not
    press Ctrl+C."""
    name = signal_name(signum)
    return f" ({name})" if name else ""


def stop_line(template: str, signum: int | None) -> str:
    """One of the lines above, for a stop asked by ``signum``."""
    name = signal_name(signum)
    again = f"another {name} or Ctrl+C" if name else "Ctrl+C again"
    return template.format(by=by_signal(signum), again=again)


def abort(signum: int, made: Sequence[Path] = ()) -> None:
    """A second stop: say so in one line ("petloc: interrupted", "petloc: terminated (SIGTERM)") and end the
    process at once with the status of that signal. The folders of --out the run ``made`` (innermost first)
    go when they are empty, as a first stop's cancel takes them back: ``_exit`` skips that clean-up, and an
    empty --out stayed behind.

    Not a KeyboardInterrupt raised from the handler: the handler runs wherever Python is, and there it
    was lost. In a finaliser (TensorFlow's ``ConcreteFunctionGarbageCollector.__del__`` runs during the
    stopping workers' clean-up) Python prints "Exception ignored in: ... KeyboardInterrupt" with a
    traceback and goes on, so the process did not abort; inside TensorFlow's C code calling back into
    Python it came out as another error. ``os._exit`` ends the process whatever runs: no exception to
    lose, and none of TensorFlow's teardown (seconds, its input threads). A bundle being written is left
    as its temporary folder (the rename never happens: no half bundle). Only the standard streams need
    their buffers written first: ``_exit`` skips Python's own exit, which writes them.

    Only empty folders go (one ``rmdir`` each, stopping at the first that is not empty): a user who stops
    twice wants out now, so nothing here walks or deletes files, and a folder holding anything (a bundle's
    temporary folder from an aborted write, a file put there meanwhile) stays with all it holds."""
    status = stopped(interrupt_for(signum))
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed or broken stream: the status still says it
            stream.flush()
    remove_empty(made)
    os._exit(status)


class TrainStop:
    """First Ctrl+C or SIGTERM asks training to stop (after the current batch, or before the bundle is
    written); a second one aborts. Once training is `too_late` to cancel, the first one says so.

    Once training has `finished` (the bundle is on disk), both are ignored until the process
    exits: TensorFlow's teardown takes seconds, and Python hands SIGINT back to the system's
    default before it, so a Ctrl+C then killed the process with exit 130, which says "no bundle
    written"."""

    def __init__(self, made: Sequence[Path] = ()) -> None:
        self._made = tuple(made)  # the folders of --out this run made (innermost first): an abort takes them back
        self._event = threading.Event()
        # what signal.signal() returned, per stop signal: the handlers to put back on exit
        self._previous: dict[int, Callable[[int, FrameType | None], Any] | int | None] = {}
        self._late: str | None = None  # what a first stop says once it can no longer cancel
        self.signum: int | None = None  # the signal of the first stop request

    def too_late(self, writes_bundle: bool) -> None:
        """Training's point of no return (its "saving" event): a stop request is not read from here on.
        One made since the last read (its "stopping" line already shown) is told so now."""
        self._late = TOO_LATE if writes_bundle else TOO_LATE_WORKER
        if self._event.is_set():
            info(stop_line(self._late, self.signum))

    def finished(self) -> None:
        """Training is over and its bundle written: from the end of the block on, ignore a stop."""
        self._previous = dict.fromkeys(self._previous, signal.SIG_IGN)
        work_done()  # and so does `stoppable`, which put its handlers back after this block

    def is_set(self) -> bool:
        return self._event.is_set()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._event.is_set():
            abort(signum, self._made)
        self.signum = signum
        self._event.set()
        info(stop_line(self._late or STOPPING, signum))

    def __enter__(self) -> TrainStop:
        if threading.current_thread() is threading.main_thread():
            self._previous = {signum: signal.signal(signum, self._handle) for signum in STOP_SIGNALS}
        return self

    def __exit__(self, *exc) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        self._previous = {}
