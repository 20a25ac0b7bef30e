"""What the Retraining window says while it is put away, said on the main window's status line: a new model waiting
for Use / Discard (the note, and the "New model: not kept yet" button), and a training child silent past its limit.

A run goes on with the window closed, as the start's message invites ("Training started in the background"). A
child stopped there (SIGSTOP at epoch 10/30 in a hunt) was said only by the window's own line (`quiet_note`): 75 s
later the main window said nothing, and the line was seen only after Model → Show training progress. The status
line now says it while the window is hidden or minimised, again as its minutes grow, and says when the child speaks
again. Through the host's `show_status`, as the retraining controller says everything else.

The silence line is said (first, again as its minutes grow, again once a line said since has gone) only while the
status line shows it or nothing (the host's `shows_status`): said over whatever was shown, a save failure was gone
at once, and each new minute replaced it again; said only as its text changed, the line stayed blank up to a minute
after a short message. The run's own lines ("Training: epoch 10/30") last 8 s, long gone by the 1-minute floor.
The child speaking again is said only over the silence line still shown.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from petloc_gui.ui.training.retrain_host import RetrainHost
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE, RetrainProgress
from petloc_gui.ui.training.undecided_button import UndecidedButton

SPOKE_MS = 8000
WHERE = "Model → Show training progress"
SPOKE_AGAIN = f"The training process responds again: training goes on ({WHERE})."


def say_while_hidden(progress: RetrainProgress, host: RetrainHost, show_progress: Callable[[], object]) -> None:
    """Tell ``host``'s status line what ``progress`` says while put away; ``show_progress`` brings it back."""
    # (the window can be deleted before its Retraining window's last check: said only to a window still there)
    progress.set_aside.connect(lambda: _said_if_there(host, UNDECIDED_NOTE))
    host.add_status_widget(UndecidedButton(progress, show_progress))  # stays
    QuietSaid(progress, host.show_status, host.shows_status, lambda: shiboken6.isValid(host))


def _said_if_there(host: RetrainHost, text: str) -> None:
    if shiboken6.isValid(host):
        host.show_status(text, 0)  # until replaced


class QuietSaid(QObject):
    """The Retraining window's silence line (`QuietNote`) on the status line while the window is out of sight: at
    each second's check, said when the status line shows nothing or the silence line said before (its minutes grew),
    never over another line (a save failure, a model picked: it stays until it goes, timed lines within 30 s); when
    the
    child speaks again while it is shown, that is said too. A run stopped or ended says its own end (the
    controller)."""

    def __init__(self, progress: RetrainProgress, show_status: Callable[[str, int], None],
                 shows_status: Callable[[str], bool], host_there: Callable[[], bool] = lambda: True) -> None:
        super().__init__(progress)
        self._progress, self._show_status, self._shows_status = progress, show_status, shows_status
        self._host_there = host_there
        self._said = ""  # the silence line as the status line was given it, until the silence is over
        progress.quiet.silence.connect(self._silent)
        progress.quiet.silence_over.connect(self._over)

    def _silent(self, line: str) -> None:
        progress = self._progress
        if (progress.isVisible() and not progress.isMinimized()) or not self._host_there():
            return  # the window's own line says it (or no main window is left to say it)
        # the window's line ends "Cancel ends it.": the main window has no Cancel of its own
        text = f"{line.removesuffix('.')} ({WHERE})."
        if self._shows_status(text):
            return
        if self._shows_status("") or (self._said and self._shows_status(self._said)):
            self._said = text
            self._show_status(text, 0)  # until replaced: a stuck child stays stuck

    def _over(self, spoke: bool) -> None:
        said, self._said = self._said, ""
        # (a silence never seen is not said to be over)
        if said and spoke and self._host_there() and self._shows_status(said):
            self._show_status(SPOKE_AGAIN, SPOKE_MS)
