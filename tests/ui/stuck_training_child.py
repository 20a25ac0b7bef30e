"""A Retraining window, put away, whose training child fell silent after epoch 10 of 30, on a clock of the test's
own: for the tests of the silence line said on the main window's status line (`ui.training.said_while_hidden`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from petloc_gui.app.child_silence import OutputTimes
from petloc_gui.ui.training.retrain_progress import RetrainProgress


@dataclass
class StuckChild:
    """``progress`` (never shown), its ``clock`` (seconds), and the child's output times."""

    progress: RetrainProgress
    clock: list[float] = field(default_factory=lambda: [0.0])
    output: OutputTimes = field(default_factory=OutputTimes)

    def event(self, event: dict) -> None:
        """The child says ``event``, a second later."""
        self.clock[0] += 1.0
        self.output.heard(self.clock[0])
        self.progress.on_event(event)

    def seconds(self, count: int) -> None:
        """``count`` seconds of the window's checks, the child silent."""
        for _ in range(count):
            self.clock[0] += 1.0
            self.progress.quiet.timer.timeout.emit()


def stuck_at_epoch_10(qtbot, wire: Callable[[RetrainProgress], object], clock: list[float] | None = None
                      ) -> StuckChild:
    """The child has trained 10 of 30 epochs; ``wire`` connects the progress window to a status line first;
    ``clock``: the test's own (a status line of its own times its lines by it)."""
    progress = RetrainProgress()
    qtbot.addWidget(progress)  # never shown: put away, as the start's message invites
    child = StuckChild(progress, clock if clock is not None else [0.0])
    progress.clock = lambda: child.clock[0]
    wire(progress)
    progress.begin(30)
    progress.watch_output(child.output)
    child.event({"event": "start", "epochs": 30, "steps_per_epoch": 2, "n_train": 37, "n_val": 11})
    for epoch in range(1, 11):
        child.event({"event": "batch", "epoch": epoch, "step": 2, "steps": 2})
    return child
