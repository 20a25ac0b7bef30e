"""The window's training child trains on the folder as its holdout read it (every annotation, image header and
image hash, to find the copies of its test images), as `petloc train` passes its checks' read on: it was read
again, whole, once TensorFlow had loaded."""

from __future__ import annotations

import sys
import types

import pytest

import petloc_gui.model as model_package
from petloc_gui.model import train_worker
from petloc_gui.model.training_data import TrainingData
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


class _StoppedBeforeTensorFlowError(Exception):
    pass


def test_train_run_gets_the_holdout_s_read_of_the_folder(tmp_path, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    calls: list[tuple[dict, dict]] = []

    def train_run(data_dir, config, **kwargs):
        calls.append((config, kwargs))
        raise _StoppedBeforeTensorFlowError

    standin = types.SimpleNamespace(TrainConfig=lambda **fields: fields, train_run=train_run,
                                    TrainingCancelled=type("Cancelled", (Exception,), {}))
    monkeypatch.setattr(model_package, "training", standin, raising=False)
    monkeypatch.setitem(sys.modules, "petloc_gui.model.training", standin)
    args = train_worker.parse_args(["--data", str(root), "--preset", "photo", "--out", str(tmp_path / "out"),
                                    "--label", "default"])
    with pytest.raises(_StoppedBeforeTensorFlowError):
        train_worker.run_real(args, lambda event: None, lambda: False)
    [(config, kwargs)] = calls
    folder = kwargs["folder"]
    assert sorted(relpath for _, relpath, _ in folder.excluded) == ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"]
    # what the run then trains on is what a read of its own would give
    ours = TrainingData.from_folder(folder, config["val_fraction"], config["seed"]).splits_record()
    theirs = TrainingData.collect(root, config["label"], config["exclude"], config["val_fraction"],
                                  config["seed"]).splits_record()
    assert ours == theirs
