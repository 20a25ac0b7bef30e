"""A training child killed (the OOM killer, kill -9) after its "done" event, while it scored the new model against
the current one, had saved the new model whole (hours for pets), and a copy of it loaded and predicted fine: the
window said "Training failed after the new model was saved: the training process was killed ... The current model
is unchanged." and deleted it (a hunt's find). The complete bundle is kept now, as a version not kept or discarded
yet, "not compared", and the window says what happened; one whose files are not complete is dropped as before, in
words that no longer call it saved."""

from __future__ import annotations

import json
import os
import signal

import pytest

from petloc_gui.ui.training.retrain_dialog import RetrainOptions
from petloc_gui.ui.training.training_process import TrainingProcess
from tests.model_files import add_model_file, loadable_meta

pytestmark = pytest.mark.slow  # starts a child process


def _said(controller) -> list[str]:
    said: list[str] = []
    controller.message.connect(said.append)
    return said


def test_a_child_killed_while_it_scored_its_saved_model_leaves_that_model_kept_not_compared(qtbot, window,
                                                                                           controller):
    # the stand-in says nothing for a minute after its 6th event, "done" (start, 3 batches, epoch, done)
    controller.extra_worker_args = ["--steps", "3", "--delay", "0.01", "--quiet-after", "6", "--quiet", "60"]
    said = _said(controller)
    assert controller.start(RetrainOptions(epochs=1, save_first=False))
    qtbot.waitUntil(lambda: controller._done_event is not None, timeout=30_000)
    staging = controller.staging
    with qtbot.waitSignal(controller.run_finished, timeout=15_000) as finished:
        os.kill(controller.process.pid, signal.SIGKILL)
    assert finished.args[0].crashed

    [version] = controller.store.list()
    assert version.undecided and controller.new_version == version and controller.awaits_choice()
    assert not staging.exists() and (version.path / "model.keras").is_file()
    assert "SIGKILL" in version.extra["not_compared"]
    assert version.metrics == json.loads((version.path / "meta.json").read_text())["metrics"]  # the run's own
    last = said[-1]
    assert last.startswith(f"Training finished: new model version {version.id}, not compared: the training process "
                           "was killed (SIGKILL")
    assert "failed" not in last and "unchanged" not in last
    progress = controller._progress_window()
    assert progress.comparison.use_button.isEnabled()
    assert "Not compared: the comparison did not finish" in progress.comparison.summary.text()
    controller.use_new_model()
    assert window.spec == str(version.path)  # used as any new model is


def _fed(controller, window, model_file: bool):
    """The controller fed as a run's child speaks: a start, an epoch, "done" with the bundle in the staging folder
    (its model.keras written or not), then the child killed (SIGKILL) before any comparison."""
    controller.staging = staging = controller.store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset="digits", metrics={"accuracy": 0.7})))
    if model_file:
        add_model_file(staging)
    controller.run_folder, controller._run_spec = window.current_folder(), "digits"
    controller._done_event = controller._comparison = None
    process = TrainingProcess()
    process.event.connect(controller._on_event)
    process.finished.connect(controller._on_finished)
    process._dispatch([{"event": "start", "epochs": 1, "parent_class_names": ["a", "b"]},
                       {"event": "batch", "epoch": 1},
                       {"event": "done", "bundle": str(staging), "metrics": {"accuracy": 0.7}}], [])
    process._emit_finished(exit_code=signal.SIGKILL, crashed=True)
    return staging


def test_fed_a_done_event_then_a_kill_the_controller_keeps_the_complete_model(qtbot, window, controller):
    said = _said(controller)
    staging = _fed(controller, window, model_file=True)
    [version] = controller.store.list()
    assert version.undecided and controller.new_version == version and not staging.exists()
    assert version.parent == "digits"  # the model it fine-tuned, as the child's record would have said
    assert version.metrics == {"accuracy": 0.7}
    assert ", not compared: the training process was killed (SIGKILL" in said[-1]


def test_a_model_whose_files_are_not_complete_is_dropped_and_not_called_saved(qtbot, window, controller):
    said = _said(controller)
    staging = _fed(controller, window, model_file=False)
    assert controller.store.list() == [] and controller.new_version is None and not staging.exists()
    message = controller._progress_window().status.text()
    assert message.startswith("Training failed while the new model was being scored: the training process was "
                              "killed (SIGKILL")
    assert "The new model's files are not complete (model.keras is missing), so nothing of this run is kept." in message
    assert "saved" not in message and "saved" not in said[-1]
