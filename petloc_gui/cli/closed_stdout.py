"""stdout whose reader has left (`petloc predict ... | head -2`): the next write raises BrokenPipeError.

A command that only shows results stops there, quietly (`cli.main`). One whose results are not its
only work, `predict --write-voc`, must not: a pre-label left unwritten because ``head`` had seen
enough lines would be lost without a word. `ResultsOut` lets it go on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from petloc_gui.cli.output import error


def silence_stdout() -> None:
    """Point stdout at the null device: what is still buffered, and written later, goes nowhere
    instead of raising BrokenPipeError again (at exit too, as "Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class ResultsOut:
    """Writes a command's results on stdout. With ``keep_going``, a reader that leaves does not stop
    the command: stdout is silenced, ``note`` is said once on stderr, and later results are dropped;
    without it, the BrokenPipeError ends the command (quietly, `cli.main`)."""

    def __init__(self, keep_going: bool, note: str) -> None:
        self.keep_going, self.note = keep_going, note
        self.reader_left = False

    def write(self, emit: Callable[[], None]) -> None:
        """Run ``emit`` (which writes on stdout) unless the reader has left."""
        if self.reader_left:
            return
        try:
            emit()
        except BrokenPipeError:
            if not self.keep_going:
                raise
            self.reader_left = True
            silence_stdout()
            error(self.note)
