"""A run that fails once training is over says so, not "in epoch N of N".

Before: a full disk while saving the new model read "Training failed in epoch 1 of 1: the disk
holding ... is full: training finished but the new model could not be saved; ...": the last batch the
window saw, then "training finished".
"""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.ui.training.training_process import TrainingProcess

REPO = Path(__file__).resolve().parents[2]


def _run(qtbot, tmp_path, *extra: str):
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "models" / "pets" / ".staging-x"
    process = TrainingProcess()
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    with qtbot.waitSignal(process.finished, timeout=60_000) as finished:
        process.start([*extra, "--data", str(data), "--preset", "pets", "--out", str(out), "--epochs", "1",
                       "--no-compare"], env=env, module="tests.standin_worker")
    return finished.args[0], out


def test_a_full_disk_while_saving_the_new_model_says_it_failed_while_saving(qtbot, tmp_path):
    outcome, out = _run(qtbot, tmp_path, "--disk-full")
    assert outcome.exit_code == 1 and not outcome.crashed
    assert outcome.reached == "while saving the new model"
    first, second = outcome.describe().split("\n")[:2]
    assert first == (f"Training failed while saving the new model: the disk holding {out.parent} is full; "
                     "free some space there and train again.")
    assert second == "The current model is unchanged."
    assert not list(out.parent.glob(f".{out.name}.*"))  # nothing half-written is left


def _described(qtbot, events) -> str:
    """What the window says of a run that sent ``events`` and exited 1."""
    process = TrainingProcess()
    with qtbot.waitSignal(process.finished) as finished:
        process._dispatch(events, [])
        process._emit_finished(exit_code=1, crashed=False)
    return finished.args[0].describe()


def test_a_failure_after_the_model_was_saved_names_no_epoch(qtbot):
    text = _described(qtbot, [{"event": "start", "epochs": 5}, {"event": "batch", "epoch": 5},
                              {"event": "done", "bundle": "/s/.staging-x"},
                              {"event": "error", "message": "cannot compare"}])
    assert text.startswith("Training failed while the new model was being scored: cannot compare.")


def test_a_failure_in_training_still_names_the_epoch(qtbot):
    text = _described(qtbot, [{"event": "start", "epochs": 5}, {"event": "batch", "epoch": 2},
                              {"event": "error", "message": "out of memory: try a smaller batch size"}])
    assert text.startswith("Training failed in epoch 2 of 5: out of memory")


def test_a_failure_after_the_saving_event_is_while_saving_whatever_the_error_says(qtbot):
    text = _described(qtbot, [{"event": "start", "epochs": 2}, {"event": "batch", "epoch": 2},
                              {"event": "saving", "writes_bundle": True},
                              {"event": "error", "message": "some error not recognised as the disk's"}])
    assert text.startswith("Training failed while saving the new model: some error")
