"""What the Retraining window says while it is put away, said on the main window's status line: a new model waiting
for Use / Discard (the note, and the "New model: not kept yet" button), and a training child silent past its limit.

A run goes on with the window closed, as the start's message invites ("Training started in the background"). A
child stopped there (SIGSTOP at epoch 10/30 in a hunt) was said only by the window's own line (`quiet_note`): 75 s
later the main window said nothing, and the line was seen only after Model → Show training progress. The status
line now says it while the window is hidden or minimised, again as its minutes grow, and says when the child speaks
again. Through the host's `show_status`, as the retraining controller says everything else.

Its minutes, and the child speaking again, are said only while the status line still shows the silence or nothing
(the host's `shows_status`): each new minute replaced whatever was said since, a save failure gone a minute later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from petloc_gui.ui.training.retrain_host import RetrainHost
from petloc_gui.ui.training.retrain_progress import UNDECIDED_NOTE, RetrainProgress
from petloc_gui.ui.training.undecided_button import UndecidedButton

SPOKE_MS = 8000
WHERE = "Model → Show training progress"
SPOKE_AGAIN = f"The training process responds again: training goes on ({WHERE})."


def say_while_hidden(progress: RetrainProgress, host: RetrainHost, show_progress: Callable[[], object]) -> None:
    """Tell ``host``'s status line what ``progress`` says while put away; ``show_progress`` brings it back."""
    progress.set_aside.connect(lambda: host.show_status(UNDECIDED_NOTE, 0))  # until replaced
    host.add_status_widget(UndecidedButton(progress, show_progress))  # stays
    QuietSaid(progress, host.show_status, host.shows_status)


class QuietSaid(QObject):
    """The Retraining window's silence line (`QuietNote`) on the status line while the window is out of sight:
    said once for each text (its minutes), not at each second's check; when the child speaks again after it was
    said, that is said too. Again and after only over the silence line or nothing (``shows_status``): a line said
    since (a save failure) stays. A run stopped or ended says its own end (the controller)."""

    def __init__(self, progress: RetrainProgress, show_status: Callable[[str, int], None],
                 shows_status: Callable[[str], bool]) -> None:
        super().__init__(progress)
        self._progress, self._show_status, self._shows_status = progress, show_status, shows_status
        self._said = ""  # the silence line as the status line was given it, until the silence is over
        progress.quiet.silence.connect(self._silent)
        progress.quiet.silence_over.connect(self._over)

    def _silent(self, line: str) -> None:
        progress = self._progress
        if progress.isVisible() and not progress.isMinimized():
            return  # the window's own line says it
        # the window's line ends "Cancel ends it.": the main window has no Cancel of its own
        text = f"{line.removesuffix('.')} ({WHERE})."
        if text != self._said and (not self._said or self._still_shown(self._said)):
            self._said = text
            self._show_status(text, 0)  # until replaced: a stuck child stays stuck

    def _over(self, spoke: bool) -> None:
        said, self._said = self._said, ""
        if said and spoke and self._still_shown(said):
            self._show_status(SPOKE_AGAIN, SPOKE_MS)

    def _still_shown(self, said: str) -> bool:
        """Whether the status line shows the silence line ``said`` or nothing: no line said since to keep."""
        return self._shows_status(said) or self._shows_status("")
