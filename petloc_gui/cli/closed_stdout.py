"""Standard streams that are closed: stdout whose reader has left, and streams closed from the start.

stdout whose reader has left (`petloc predict ... | head -2`): the next write raises BrokenPipeError.
A command that only shows results stops there, quietly (`cli.main`). One whose results are not its
only work, `predict --write-voc`, must not: a pre-label left unwritten because ``head`` had seen
enough lines would be lost without a word. `ResultsOut` lets it go on, and does as much for a stdout
that cannot be written (`> /dev/full`, an I/O error), with an exit status that says so.

A stream closed from the start (`petloc ... >&-` or `2>&-`, as daemons and some schedulers run
programs): Python's sys.stdout or sys.stderr is None. The command does its work all the same; what it
would show there is dropped (`cli.output` writes nothing to a missing stream), and its exit status is
the work's. `claim_closed_streams` also keeps the closed numbers from the files the command opens.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from petloc_gui.cli.output import StdoutWriteError, error


def silence_stdout() -> None:
    """Point stdout at the null device: what is still buffered, and written later, goes nowhere
    instead of raising BrokenPipeError again (at exit too, as "Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: no stdout at all (`>&-`)
        pass


def claim_closed_streams() -> None:
    """Put the null device on each of fd 0, 1 and 2 that is closed, and give Python a stream on it for
    a stdout or stderr it has none of: the command's output there is dropped, its work goes on.
    Without this the first file the command opens takes the lowest free number, 1 or 2, and what is
    written "to stderr" (TensorFlow's C++ logs, at any time, from any thread) goes into that file: a
    pre-label being written, a model being saved. Call it first, before anything is opened."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:  # closed (EBADF)
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:  # its fd was closed at start: the null device now
            setattr(sys, name, os.fdopen(fd, "w", encoding="utf-8", closefd=False))


class ResultsOut:
    """Writes a command's results on stdout. With ``keep_going``, a stdout that cannot take them does
    not stop the command: a reader that leaves (BrokenPipeError), or a write that fails (a full disk,
    an I/O error: `StdoutWriteError`). stdout is silenced, one line on stderr says which, with
    ``going_on`` (what the command still does), and later results are dropped. Without it the error
    ends the command: quietly for a reader that leaves (`cli.main`), said for a failed write."""

    def __init__(self, keep_going: bool, going_on: str) -> None:
        self.keep_going, self.going_on = keep_going, going_on
        self.reader_left = False
        self.failed = False  # a write failed: the results were not all delivered

    def write(self, emit: Callable[[], None]) -> None:
        """Run ``emit`` (which writes on stdout) unless stdout can no longer take results."""
        if self.reader_left or self.failed:
            return
        try:
            emit()
        except BrokenPipeError:
            if not self.keep_going:
                raise
            self.reader_left = True
            self._stop_writing("stdout was closed (its reader left): the remaining results are not shown")
        except StdoutWriteError as exc:
            if not self.keep_going:
                raise
            self.failed = True
            self._stop_writing(f"{exc}; the remaining results are not shown")

    def _stop_writing(self, why: str) -> None:
        # Silenced, what is still buffered or written there later goes nowhere instead of failing again.
        silence_stdout()
        error(f"{why}; {self.going_on}")
