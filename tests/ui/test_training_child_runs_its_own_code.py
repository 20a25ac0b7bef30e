"""Retrain… runs the window's own training code, not a petloc_gui lying in the folder it was started from.

Before: the QProcess ran ``python -u -m <worker>`` in the window's current folder, and ``-m`` searches
that folder first: a wheel's window started in a source checkout trained with the checkout's worker.
"""

from __future__ import annotations

from pathlib import Path

import petloc_gui
from petloc_gui.ui.training.training_process import TrainingProcess
from tests.core.test_child_python import FAKE, fake_checkout


def test_the_training_child_imports_the_window_s_petloc_gui(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(fake_checkout(tmp_path))
    process = TrainingProcess()
    events: list[dict] = []
    lines: list[str] = []
    process.event.connect(events.append)
    process.log.connect(lines.append)
    with qtbot.waitSignal(process.finished, timeout=60_000) as finished:
        # no PYTHONPATH of its own: as a window started from a checkout that is not installed
        process.start([], env={"PYTHONPATH": ""}, module="tests.child_package_report")
    assert FAKE not in "\n".join(lines)
    assert finished.args[0].exit_code == 0, lines
    assert [Path(event["file"]).resolve() for event in events] == [Path(petloc_gui.__file__).resolve()]
