"""Retrain… runs the window's own training code, not a petloc_gui lying in the folder it was started from.

Before: the QProcess ran ``python -u -m <worker>`` in the window's current folder, and ``-m`` searches
that folder first: a wheel's window started in a source checkout trained with the checkout's worker.
"""

from __future__ import annotations

from pathlib import Path

import petloc_gui
from tests.core.test_child_python import FAKE, fake_checkout

from .training_child import run_training_child


def test_the_training_child_imports_the_window_s_petloc_gui(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(fake_checkout(tmp_path))
    # no PYTHONPATH of its own: as a window started from a checkout that is not installed
    outcome, events, lines = run_training_child(qtbot, [], "tests.child_package_report", env={"PYTHONPATH": ""})
    assert FAKE not in "\n".join(lines)
    assert outcome.exit_code == 0, lines
    assert [Path(event["file"]).resolve() for event in events] == [Path(petloc_gui.__file__).resolve()]
