"""Cancel at "Training in progress ... Quit anyway?" brings the progress window back in front.

When that question was the main window's, its window manager raised the main window over the progress
window shown before it, which stayed behind (as the Keep / Discard / Cancel question did); the question is
the progress window's now (`test_quit_questions_over_the_retraining_window`), and Cancel still shows it,
with the keyboard."""

from __future__ import annotations

from petloc_gui.ui.training import retrain_quit


class _Running:
    parent_widget = None
    new_version = run_folder = None

    def __init__(self, events: list[str]) -> None:
        self.events = events

    def is_running(self) -> bool:
        return True

    def show_progress(self) -> None:
        self.events.append("shown")

    def shutdown(self) -> None:
        self.events.append("stopped")


def test_cancel_raises_the_progress_window_again(monkeypatch):
    events: list[str] = []
    monkeypatch.setattr(retrain_quit, "_stop_run", lambda parent: events.append("asked") or False)
    assert retrain_quit.confirm_quit(_Running(events)) is False
    assert events == ["shown", "asked", "shown"]  # the run goes on, its window in front


def test_quit_anyway_stops_the_run(monkeypatch):
    events: list[str] = []
    monkeypatch.setattr(retrain_quit, "_stop_run", lambda parent: events.append("asked") or True)
    assert retrain_quit.confirm_quit(_Running(events)) is True
    assert events == ["shown", "asked", "stopped"]
