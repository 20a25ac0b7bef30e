"""The Retraining window's line for a training child that has said nothing for too long (`app.child_silence`),
and its time left once the estimate is overdue by as long: a stopped child's window read "starting…" or
"almost done" for good, and nothing said anything was wrong. Its signals tell the main window's status line
(`said_while_hidden`), for a Retraining window put away."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from petloc_gui.app.child_silence import quiet_limit, quiet_line
from petloc_gui.ui.training.retrain_progress_parts import ALMOST_DONE, format_eta

QUIET_CHECK_MS = 1000
OVERDUE = "taking longer than estimated"


class ChildOutput(Protocol):
    """`app.child_silence.OutputTimes`, as the training process keeps them (`TrainingProcess.output`)."""

    longest_gap: float

    def quiet_for(self, now: float) -> float: ...


class QuietNote(QLabel):
    """Hidden until the child watched (`watch`) is silent past its limit; ``timer`` ticks the checks (the
    window connects it: the window's clock tells the time); `stop` at the run's end."""

    silence = Signal(str)  # the line, at each check that finds the child silent past its limit
    silence_over = Signal(bool)  # the line went: True when the child spoke again, False when the run is stopped

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()
        self.output: ChildOutput | None = None
        self.preparing = True  # before the first batch: reading the folder, loading TensorFlow (its own floor)
        self._due_at: float | None = None  # when the time left first read "almost done"
        self.timer = QTimer(self)
        self.timer.setInterval(QUIET_CHECK_MS)

    def watch(self, output: ChildOutput) -> None:
        self.output = output
        self.preparing = True
        self._due_at = None
        self.timer.start()

    def training_began(self) -> None:
        """The child's first batch (or a later step) came: the preparing floor ends, and the gaps heard while it
        prepared (TensorFlow's notices, then minutes reading a big folder or tracing the model before "start"
        and the first batch) are forgotten: counted, they stretched every later limit (a child stuck at epoch
        14 went unsaid for 3 x that preparing gap, not the minute the run's own steps call for)."""
        self.preparing = False
        if self.output is not None:
            self.output.longest_gap = 0.0

    def stop(self) -> None:
        """The run ended, is being cancelled, or another begins: nothing to watch, nothing said."""
        self.output = None
        self._due_at = None
        self.timer.stop()
        self._hide_line(spoke=False)

    def check(self, now: float, floor_s: float) -> None:
        """Shown, saying how long, while the child is silent past its limit; hidden as soon as it speaks."""
        output = self.output
        quiet = output.quiet_for(now) if output is not None else 0.0
        if output is None or quiet <= quiet_limit(output.longest_gap, floor_s):
            self._hide_line(spoke=output is not None)
            return
        self.setText(quiet_line(quiet, self.preparing))
        self.show()
        self.silence.emit(self.text())

    def _hide_line(self, spoke: bool) -> None:
        if not self.isHidden():
            self.hide()
            self.silence_over.emit(spoke)

    def eta_text(self, remaining: float | None, now: float, floor_s: float) -> str:
        """The time left as shown: none beside the silence line (a stuck child's count is fiction), and no
        "almost done" once that has stood past the silence limit (the estimate is overdue, the child still
        reports: the run goes on, more slowly than estimated)."""
        if not self.isHidden():  # said: shown or not (the window put away), as `check` left it
            return ""
        text = format_eta(remaining)
        if text != ALMOST_DONE:
            self._due_at = None
            return text
        if self._due_at is None:
            self._due_at = now
        longest = self.output.longest_gap if self.output is not None else 0.0
        return OVERDUE if now - self._due_at > quiet_limit(longest, floor_s) else text
