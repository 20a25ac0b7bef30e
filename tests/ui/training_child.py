"""The window's training child (`TrainingProcess`) run to its end on a module of the tests' own."""

from __future__ import annotations

from petloc_gui.ui.training.training_process import ProcessOutcome, TrainingProcess


def run_training_child(qtbot, arguments: list[str], module: str,
                       env: dict[str, str] | None = None) -> tuple[ProcessOutcome, list[dict], list[str]]:
    """``module`` run as the window runs its training child: how it finished, the events it sent and the lines
    it logged."""
    process = TrainingProcess()
    events: list[dict] = []
    lines: list[str] = []
    process.event.connect(events.append)
    process.log.connect(lines.append)
    with qtbot.waitSignal(process.finished, timeout=60_000) as finished:
        process.start(arguments, env=env, module=module)
    return finished.args[0], events, lines
