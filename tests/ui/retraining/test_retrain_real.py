"""One real retraining round through the GUI path: QProcess -> train_worker -> model.training."""

from __future__ import annotations

import json

import pytest

from petloc_gui.cli.train_report import learned_digits_lines
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

from .retrain_host_standin import StandInWindow

pytestmark = pytest.mark.slow  # trains a (tiny) network in a child process


def test_a_real_run_on_tiny_digits_trains_a_version_and_switches_to_it(qtbot, tmp_path):
    folder = tmp_path / "digits"
    # two seeds of one split: each digit twice, so some validation canvases hold digits the run trains on
    write_digits_dataset(folder / "a", "test", count=15, seed=1)
    write_digits_dataset(folder / "b", "test", count=15, seed=2)
    window = StandInWindow(folder)
    qtbot.addWidget(window)
    controller = install_retraining(window)
    controller.extra_worker_args = ["--batch-size", "8"]
    events = []
    try:
        with qtbot.waitSignal(controller.run_finished, timeout=240000) as finished:
            assert controller.start(RetrainOptions(from_current=False, epochs=1, val_fraction=0.3, save_first=False))
            controller.process.event.connect(events.append)
    finally:
        controller.shutdown()
    outcome = finished.args[0]
    assert outcome.exit_code == 0, outcome.describe()
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and "batch" in kinds and "epoch" in kinds and "done" in kinds
    assert kinds[-1] == "comparison"
    start = events[0]
    assert start["n_val"] == len(start["val_images"]) > 0

    # the dialog's preview is the split the run used
    from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

    holdout = holdout_preview_for(folder)(0.3, False)
    assert (holdout.count, holdout.names) == (start["n_val"], start["val_images"])

    progress = controller._progress_window()
    assert progress.progress.value() == progress.progress.maximum() > 0
    assert len(progress.chart.points("val_accuracy")) == 1
    comparison = events[-1]
    # the new model is shown with figures from validation images that did not choose its epoch
    report = start["report_images"]
    assert report and sorted(report + start["selection_images"]) == sorted(start["val_images"])
    assert comparison["new"]["n_images"] == len(report)
    assert "did not choose" in comparison["note"] or "None of these images chose" in comparison["note"]
    assert progress.comparison.cell_text("n_images", 1) == str(len(report))

    version = controller.new_version
    assert version is not None and version.preset == "digits" and version.parent is None
    assert version.data_fingerprint and version.metrics["n_images"] == len(report)
    meta = json.loads((version.path / "meta.json").read_text())
    assert meta["preset"] == "digits" and (version.path / "model.keras").is_file()
    # the run's record of those canvases is in the bundle it wrote and in its "done" event, and the window says it
    # under the figures as petloc train does (before: in neither, nothing said)
    (done,) = [e for e in events if e["event"] == "done"]
    digits = meta["metrics_learned_digits"]
    assert digits and digits["own"] > 0 and done["metrics_learned_digits"] == digits
    assert progress.comparison.run_accepted.text().splitlines() == learned_digits_lines(digits) != []
    assert controller.store.list() == [version]

    controller.use_new_model()
    assert window.set_model_calls == [str(version.path)]
    # rolling back to the bundled model is only a set_model away; the bundled folder is untouched
    controller.versions_menu.rebuild()
    (action,) = controller.versions_menu.version_actions()
    assert action.isChecked()
