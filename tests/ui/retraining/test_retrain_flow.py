"""Retraining through the GUI path (stand-in worker from tests/): progress, versions, use, roll back, cancel, crash."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.training import discard_question
from petloc_gui.ui.training.retrain_dialog import RetrainDialog, RetrainOptions
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

pytestmark = pytest.mark.slow  # starts child processes


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _staging_dirs(store: VersionStore):
    return list(store.root.glob("*/.staging-*"))


def test_install_adds_retrain_and_versions_to_the_model_menu(window, controller):
    assert controller.retrain_action in window.model_menu.actions()
    assert controller.retrain_action.shortcut().toString() == "Ctrl+T"
    assert controller.versions_menu.menuAction() in window.model_menu.actions()
    assert window.retrain_controller is controller
    assert controller.store.root == Path(os.environ["PETLOC_DATA_DIR"]) / "models"


def test_a_run_reports_progress_and_curves_then_use_and_roll_back(qtbot, window, controller):
    events = []
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        assert controller.start(RetrainOptions(from_current=True, epochs=2, val_fraction=0.2, save_first=False))
        controller.process.event.connect(events.append)
    outcome = finished.args[0]
    assert outcome.exit_code == 0 and not outcome.cancelled
    assert [e["event"] for e in events].count("batch") == 6
    progress = controller._progress_window()
    assert progress.progress.maximum() == 6 and progress.progress.value() == 6
    assert [x for x, _ in progress.chart.points("val_accuracy")] == [1.0, 2.0]
    assert len(progress.chart.points("loss")) == 2
    # the comparison from the worker is shown side by side
    assert progress.comparison.isVisibleTo(progress)
    assert progress.comparison.cell_text("accuracy", 0) == "0.500"
    assert progress.comparison.cell_text("accuracy", 1) == "0.750"

    first = controller.new_version
    assert first is not None and first.preset == "digits" and first.parent == "digits"
    assert controller.store.list() == [first]
    assert _staging_dirs(controller.store) == []
    controller.use_new_model()
    assert window.set_model_calls == [str(first.path)]

    # a second run, from the first version, then roll back through the Versions menu
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(RetrainOptions(from_current=True, epochs=1, save_first=False))
    second = controller.new_version
    assert second.parent == str(first.path)
    controller.use_new_model()
    assert window.spec == str(second.path)
    controller.versions_menu.rebuild()
    actions = {a.data(): a for a in controller.versions_menu.version_actions()}
    assert set(actions) == {first.id, second.id}
    assert actions[second.id].isChecked() and not actions[first.id].isChecked()
    actions[first.id].trigger()
    assert window.set_model_calls[-1] == str(first.path)
    assert window.remembered == {window.current_folder(): str(first.path)}  # the folder's model now
    assert "Using model version" in window.statusBar().currentMessage()


def test_discarding_the_new_model_deletes_it_and_keeps_the_current_one(qtbot, window, controller, monkeypatch):
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(RetrainOptions(epochs=1, save_first=False))
    version = controller.new_version
    asked: list[object] = []  # "Discard the new model?" answered Discard (test_discard_asks_first asks it)
    monkeypatch.setattr(discard_question, "confirm_discard", lambda window: asked.append(window) or True)
    controller._progress_window().comparison.discard_button.click()
    assert asked == [controller._progress_window()]
    assert not version.path.exists()
    assert controller.store.list() == []
    assert window.set_model_calls == []


def test_cancel_mid_run_keeps_nothing_and_leaves_no_process(qtbot, window, controller):
    controller.extra_worker_args = ["--steps", "50", "--delay", "0.05"]
    controller.start(RetrainOptions(epochs=20, save_first=False))
    process = controller.process
    qtbot.waitSignal(process.event, timeout=20000, check_params_cb=lambda e: e.get("event") == "batch").wait()
    pid = process.pid
    assert pid is not None and _pid_alive(pid)
    controller._progress_window().hide()
    controller.retrain_action.trigger()  # Ctrl+T while it runs: its window again, no second dialog
    assert controller._progress_window().isVisible() and controller.process is process
    with qtbot.waitSignal(controller.run_finished, timeout=15000) as finished:
        controller._progress_window().cancel_button.click()
    outcome = finished.args[0]
    assert outcome.cancelled and outcome.exit_code == 4  # the worker stopped by itself
    assert process.qprocess.state() == QProcess.ProcessState.NotRunning
    assert not _pid_alive(pid)
    assert controller.store.list() == [] and _staging_dirs(controller.store) == []
    assert controller.new_version is None and window.set_model_calls == []


def test_a_worker_that_ignores_cancel_is_terminated(qtbot, window, controller):
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05", "--hang"]
    controller.start(RetrainOptions(epochs=20, save_first=False))
    controller.process.cancel_grace_ms = 300
    qtbot.waitSignal(controller.process.event, timeout=20000).wait()
    pid = controller.process.pid
    with qtbot.waitSignal(controller.run_finished, timeout=15000) as finished:
        controller.cancel()
    assert finished.args[0].cancelled and finished.args[0].crashed
    assert not _pid_alive(pid)
    assert controller.store.list() == [] and _staging_dirs(controller.store) == []


def test_a_dying_worker_is_reported_and_the_model_stays(qtbot, window, controller):
    controller.extra_worker_args = ["--delay", "0", "--die-after", "4"]
    messages = []
    controller.message.connect(messages.append)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        controller.start(RetrainOptions(epochs=3, save_first=False))
    outcome = finished.args[0]
    assert outcome.exit_code == 70 and not outcome.cancelled
    status = controller._progress_window().status.text()
    assert "exited with code 70" in status and "unchanged" in status
    assert "dying on purpose" in status  # the last stderr lines are shown
    assert any("failed" in m for m in messages)
    assert window.spec == "digits" and window.set_model_calls == []
    assert controller.store.list() == [] and _staging_dirs(controller.store) == []


def test_an_error_event_is_shown_with_its_message(qtbot, window, controller, tmp_path):
    window._folder = tmp_path / "vanished"
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        controller.start(RetrainOptions(epochs=1, save_first=False))
    assert finished.args[0].exit_code == 1
    assert "vanished" in controller._progress_window().status.text()
    assert controller.store.list() == []


def test_unsaved_edits_are_saved_first_and_a_failed_save_stops_the_start(qtbot, window, controller):
    window.unsaved = True
    window.save_result = False
    assert not controller.start(RetrainOptions(epochs=1, save_first=True))
    assert window.save_calls == 1 and controller.process is None
    if controller.last_message_box is not None:
        controller.last_message_box.close()
    window.save_result = True
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        assert controller.start(RetrainOptions(epochs=1, save_first=True))
    assert window.save_calls == 2


def test_no_folder_means_no_run(window, controller):
    window._folder = None
    assert not controller.start(RetrainOptions())
    assert controller.process is None
    controller.last_message_box.close()


def test_the_dialog_returns_the_chosen_options(qtbot):
    dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: lambda f, fine_tune: Holdout(
                               round(12 * f), [f"i{i}.png" for i in range(round(12 * f))]))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.holdout_list.count() > 0, timeout=5000)
    assert not dialog.save_first.isEnabled()
    dialog.from_scratch.setChecked(True)
    dialog.epochs.setValue(3)
    dialog.val_fraction.setValue(0.25)
    assert dialog.options() == RetrainOptions(from_current=False, epochs=3, val_fraction=0.25, save_first=False)
    assert dialog.holdout_list.count() == 3  # follows the fraction
    assert "3 images" in dialog.holdout_label.text()


def test_the_dialog_says_when_the_holdout_list_is_unknown(qtbot):
    dialog = RetrainDialog(None, model_name="pets", data_name="/data", n_annotated=None, has_unsaved=True,
                           holdout_loader=lambda: None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "listed when training starts" in dialog.holdout_label.text(), timeout=5000)
    assert dialog.save_first.isEnabled() and dialog.options().save_first
    assert dialog.options().from_current


def test_an_unreadable_current_model_can_only_be_replaced_from_scratch(qtbot):
    dialog = RetrainDialog(None, model_name="gone", data_name="/data", n_annotated=3, has_unsaved=False,
                           can_fine_tune=False)
    qtbot.addWidget(dialog)
    assert not dialog.from_current.isEnabled()
    assert dialog.options().from_current is False


def test_ctrl_t_opens_the_dialog_and_starting_it_runs(qtbot, window, controller):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    chosen = []

    def accept_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RetrainDialog)
        dialog.epochs.setValue(2)
        chosen.append(dialog.options())
        dialog.accept()

    QTimer.singleShot(200, accept_dialog)
    with qtbot.waitSignal(controller.run_finished, timeout=30000) as finished:
        controller.retrain_action.trigger()
    assert chosen and chosen[0].epochs == 2
    assert finished.args[0].exit_code == 0
    assert not chosen[0].save_first  # no unsaved edits: the run saves nothing
    # ... and next time, with edits, "Save my unsaved edits first" is ticked again (it stayed unticked)
    assert controller.last_options == replace(chosen[0], save_first=True)
    assert len(controller._progress_window().chart.points("loss")) == 2


def test_a_killed_worker_is_reported_as_a_crash(qtbot, window, controller):
    import signal

    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    controller.start(RetrainOptions(epochs=5, save_first=False))
    qtbot.waitUntil(lambda: controller._progress_window().progress.format().startswith("epoch"), timeout=20000)
    with qtbot.waitSignal(controller.run_finished, timeout=15000) as finished:
        os.kill(controller.process.pid, signal.SIGKILL)  # e.g. the out-of-memory killer
    outcome = finished.args[0]
    assert outcome.crashed and not outcome.cancelled
    told = controller._progress_window().status.text()
    assert "was killed (SIGKILL" in told and "in epoch 1 of 5" in told  # how far it got, and why
    assert controller._progress_window().progress.format() == "failed"  # how far it got: in the status above
    controller.start(RetrainOptions(epochs=5, save_first=False))
    assert controller._progress_window().progress.format() == "starting…"  # not the last run's
    with qtbot.waitSignal(controller.run_finished, timeout=15000):
        controller.cancel()
    assert controller.store.list() == [] and _staging_dirs(controller.store) == []
    assert window.set_model_calls == []


def test_a_commit_that_fails_keeps_the_current_model_and_says_why(qtbot, window, controller, monkeypatch):
    from petloc_gui.model.versions import VersionError

    def full_disk(staging, **extra):
        raise VersionError("could not register the new model version: No space left on device")

    monkeypatch.setattr(controller.store, "commit", full_disk)
    with qtbot.waitSignal(controller.run_finished, timeout=30000):
        controller.start(RetrainOptions(epochs=1, save_first=False))
    assert "No space left" in controller._progress_window().status.text()
    assert controller.new_version is None and window.set_model_calls == []
    assert _staging_dirs(controller.store) == []


def test_quitting_during_a_run_stops_the_worker_and_keeps_nothing(qtbot, window, controller):
    controller.extra_worker_args = ["--steps", "500", "--delay", "0.05"]
    controller.start(RetrainOptions(epochs=5, save_first=False))
    qtbot.waitSignal(controller.process.event, timeout=20000).wait()
    pid = controller.process.pid
    controller.shutdown()  # what QApplication.aboutToQuit triggers
    assert not controller.is_running() and not _pid_alive(pid)
    assert controller.store.list() == [] and _staging_dirs(controller.store) == []


def test_the_comparison_shows_verdict_caveat_and_unknowns(qtbot):
    from petloc_gui.ui.training.model_comparison import ModelComparison

    table = ModelComparison()
    qtbot.addWidget(table)
    table.set_metrics({"accuracy": 0.9, "mean_iou": 0.7, "iou_ge_50": 0.8, "n_images": 47},
                      {"accuracy": 0.9, "mean_iou": 0.75, "iou_ge_50": None, "n_images": 47},
                      note="32 of these 47 validation images were probably in the current model's own training data.")
    text = table.summary.text()
    assert "better on mean IoU" in text and "worse" not in text and "32 of these 47" in text
    assert table.cell_text("iou_ge_50", 1) == "—" and table.cell_text("n_images", 0) == "47"
    table.set_metrics(None, {"accuracy": 0.5})
    assert table.cell_text("accuracy", 0) == "—" and "Only the new model" in table.summary.text()


def test_the_dialog_says_when_fine_tuning_has_nothing_to_train_on_and_will_not_start_it(qtbot):
    def preview(fraction, fine_tune):
        if fine_tune:
            return Holdout(0, [], 0, "need at least 2 usable annotated images, found 0 (48 more held out: ...)")
        return Holdout(10, [f"i{i}.png" for i in range(10)])

    dialog = RetrainDialog(None, model_name="pets", data_name="/data", n_annotated=48, has_unsaved=False,
                           holdout_loader=lambda: preview)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "cannot start" in dialog.holdout_label.text(), timeout=5000)
    assert not dialog.start_button.isEnabled() and not dialog.holdout_list.isVisibleTo(dialog)
    dialog.from_scratch.setChecked(True)  # from scratch every image may train
    assert dialog.start_button.isEnabled() and dialog.holdout_list.count() == 10


def test_the_fine_tune_preview_keeps_the_parents_test_images_out_as_the_run_does(tmp_path):
    import json

    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=30, seed=0)
    everything = TrainingData.collect(folder, val_fraction=0.2)
    record = everything.splits_record()
    test = record["train"][:5]
    parent = tmp_path / "parent"
    parent.mkdir()
    meta = {"class_names": everything.class_names, "images": everything.images_record(),
            "splits": {"train": record["train"][5:], "validation": record["validation"], "test": test}}
    (parent / "meta.json").write_text(json.dumps(meta))
    preview = holdout_preview_for(folder, parent_spec=str(parent))
    tuned = preview(0.2, True)
    assert tuned.parent_test == 5 and not tuned.problem
    run = TrainingData.collect(folder, val_fraction=0.2, parent_meta=meta, parent_class_names=meta["class_names"])
    assert tuned.names == sorted(run.splits_record()["validation"])  # the run's own split
    assert not set(tuned.names) & set(test)
    assert set(record["validation"]) <= set(preview(0.05, True).names)  # the parent's validate at any fraction
    assert preview(0.2, False).parent_test == 0  # from scratch the parent's test images may be used
    meta["splits"]["test"] = record["train"] + record["validation"]  # every image is a test image
    (parent / "meta.json").write_text(json.dumps(meta))
    blocked = holdout_preview_for(folder, parent_spec=str(parent))(0.2, True)
    assert "found 0" in blocked.problem and "test images" in blocked.problem


def test_the_preview_leaves_unreviewed_pre_labels_out_of_validation_as_the_run_does(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import read_voc, write_voc
    from petloc_gui.model.training_data import TrainingData

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=60, seed=0)
    for relpath in TrainingData.collect(folder, val_fraction=0.3).splits_record()["validation"][:4]:
        xml = (folder / relpath).with_suffix(".xml")
        annotation = read_voc(xml)
        annotation.prelabel = "petloc pre-label by petloc predict, model digits"
        write_voc(annotation, xml)
    shown = holdout_preview_for(folder)(0.3, False)
    assert shown.names == sorted(TrainingData.collect(folder, val_fraction=0.3).splits_record()["validation"])
