"""Retraining from a folder whose name is not UTF-8 (``pets\\xff\\xfe``; Python holds the bytes as surrogate
escapes): the training child's arguments crossed QProcess as QStrings, which drop the escapes, and the
child was pointed at "pets\\ufffd\\ufffd": "Training failed: dataset folder not found". The paths cross as
their bytes now (`core.fs_bytes`), the folder's, the new model's staging folder's and the
model fine-tuned from."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.ui.training.retrain_controller import install_retraining
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

from .retrain_host_standin import StandInWindow, standin_controller

pytestmark = pytest.mark.slow  # starts a child process

BAD = b"pets\xff\xfe"


def _bad_folder(parent):
    folder = parent / os.fsdecode(BAD)
    try:
        folder.mkdir()
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system does not take a name that is not UTF-8")
    return folder


def _run(qtbot, controller, options: RetrainOptions, timeout: int):
    events = []
    with qtbot.waitSignal(controller.run_finished, timeout=timeout) as finished:
        assert controller.start(options)
        controller.process.event.connect(events.append)
    outcome = finished.args[0]
    assert outcome.exit_code == 0, outcome.describe()
    return events


def test_a_real_run_trains_on_a_folder_whose_name_is_not_utf8(qtbot, tmp_path):
    folder = _bad_folder(tmp_path)
    write_digits_dataset(folder, "train", count=12, seed=1)
    window = StandInWindow(folder)
    qtbot.addWidget(window)
    controller = install_retraining(window)
    controller.extra_worker_args = ["--batch-size", "8"]
    try:
        events = _run(qtbot, controller, RetrainOptions(from_current=False, epochs=1, val_fraction=0.3,
                                                        save_first=False), timeout=240000)
    finally:
        controller.shutdown()
    kinds = [e["event"] for e in events]
    assert kinds[0] == "start" and "epoch" in kinds and "done" in kinds
    assert events[0]["n_train"] + events[0]["n_val"] == 12  # every image of the folder, read there
    version = controller.new_version
    assert version is not None and (version.path / "model.keras").is_file()
    assert version.extra["data"] == str(folder)  # the training record names the folder trained on


def test_a_fine_tune_reaches_every_path_in_a_user_folder_whose_name_is_not_utf8(
        qtbot, tmp_path, monkeypatch):
    user_data = _bad_folder(tmp_path)  # the new model's staging folder and the versions are in there
    monkeypatch.setenv("PETLOC_DATA_DIR", str(user_data))
    (tmp_path / "data").mkdir()
    folder = _bad_folder(tmp_path / "data")
    window = StandInWindow(folder)
    qtbot.addWidget(window)
    controller = standin_controller(window)
    controller.extra_worker_args.append("--read-data")  # the stand-in reads the folder as training does
    write_digits_dataset(folder, "train", count=4, seed=1)
    try:
        _run(qtbot, controller, RetrainOptions(from_current=False, epochs=1, save_first=False), timeout=30000)
        first = controller.new_version
        assert first is not None and os.fsencode(first.path).startswith(os.fsencode(user_data))
        controller.use_new_model()
        assert window.spec == str(first.path)
        _run(qtbot, controller, RetrainOptions(from_current=True, epochs=1, save_first=False), timeout=30000)
    finally:
        controller.shutdown()
    second = controller.new_version
    # the stand-in records the model it fine-tuned from and the folder as it received them
    assert second is not None and (second.parent, second.extra["data"]) == (str(first.path), str(folder))
