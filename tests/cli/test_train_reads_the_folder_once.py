"""`train_run` can take a folder already read (review 3, finding 8: with --init-from the checks and the
run each hashed every image), but `petloc train` does not hand its checks' read over: that read takes each
<size> from the image's header and clamps the boxes to it, while a run uses the boxes as written, as the
window's runs do (review 4, finding 1: a box outside a wrong <size> was skipped by the CLI alone)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.model import bundle
from tests.cli.helpers import run_cli
from tests.cli.test_train_checks_see_training_s_images import _folder, _parent


def test_petloc_train_lets_the_run_read_the_folder_as_the_window_s_runs_do(tmp_path, capsys, monkeypatch):
    from petloc_gui.model import training
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.training_data import TrainingData

    folder = _folder(tmp_path, "dog")
    parent = _parent(tmp_path, folder / "copy.png")
    hashed: Counter[str] = Counter()
    sha256 = bundle.file_sha256  # what `sha256_or_none` reads with
    monkeypatch.setattr(bundle, "file_sha256", lambda path: hashed.update([Path(path).name]) or sha256(path))
    given = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # train_run's read, without TensorFlow
        given.append(folder)
        meta = read_meta(config.init_from)
        data = TrainingData.collect(data_dir, config.label, config.exclude, parent_meta=meta,
                                    parent_class_names=meta["class_names"], folder=folder)
        on_event({"event": "start", "epochs": 1, "n_train": len(data.train), "n_val": len(data.validation),
                  "skipped": data.skipped, "class_names": data.class_names})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m",
                              "--init-from", parent)
    assert code == 0, stderr
    assert given == [None]  # the run reads the folder itself, as the window's runs do


def test_train_run_trains_on_the_folder_given(tmp_path, monkeypatch):
    from petloc_gui.model import training
    from petloc_gui.model.collected_folder import collect_folder

    folder = _folder(tmp_path, "dog")
    read = collect_folder(folder)
    seen = []

    class CollectedError(Exception):
        pass

    def collect(*args, **kwargs):
        seen.append(kwargs.get("folder"))
        raise CollectedError

    monkeypatch.setattr(training.TrainingData, "collect", collect)
    with pytest.raises(CollectedError):
        training.train_run(folder, training.TrainConfig(preset="digits"), folder=read)
    assert seen == [read]
