"""`petloc train --preset photo|pets` says at the start when the backbone starts from random weights.

With no ImageNet weights found (an installed petloc whose resources folder has models/ but no weights/, no
PETLOC_SHARED_DIR) the run trained from random weights without a word: exit 0, nothing on stderr, only
meta.json's "initial_weights": "random", though `train --help` promises ImageNet."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import one_box_each, run_cli


@pytest.fixture
def said_before_training(tmp_path, capsys, monkeypatch):
    """Runs `petloc train` with ``options``; returns stderr as it stood when training would start."""
    from petloc_gui.model import training

    before: list[str] = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # training and TensorFlow stood in for
        before.append(capsys.readouterr().err)
        on_event({"event": "start", "epochs": 1, "n_train": 3, "n_val": 1, "skipped": [], "class_names": ["cat"]})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    data = one_box_each(tmp_path / "data", ["cat"] * 4)

    def run(*options) -> str:
        code, _, err = run_cli(capsys, "train", data, "--out", tmp_path / "out", *options)
        assert code == 0, err
        return before.pop()

    return run


def _no_weights(tmp_path, monkeypatch) -> Path:
    resources = tmp_path / "resources"
    (resources / "models").mkdir(parents=True)  # an install's resources: its models, no weights/
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))
    monkeypatch.setenv("PETLOC_SHARED_DIR", str(tmp_path / "no-shared"))
    return resources


@pytest.mark.parametrize("preset", ["photo", "pets"])
def test_no_imagenet_weights_found_is_said_before_training(tmp_path, monkeypatch, said_before_training, preset):
    resources = _no_weights(tmp_path, monkeypatch)
    err = said_before_training("--preset", preset)
    [line] = [line for line in err.splitlines() if "ImageNet" in line]
    assert line == (f"petloc: warning: no ImageNet weights found (looked for mobilenet_2_5_224_tf_no_top.h5 in "
                    f"{resources / 'weights'} and PETLOC_SHARED_DIR/weights): the backbone starts from random "
                    "weights; give --backbone-weights PATH"), err


def test_nothing_is_said_with_weights_to_start_from(tmp_path, monkeypatch, said_before_training):
    _no_weights(tmp_path, monkeypatch)
    weights = tmp_path / "imagenet.h5"
    weights.write_bytes(b"weights")
    assert "ImageNet" not in said_before_training("--preset", "photo", "--backbone-weights", weights)
    assert "ImageNet" not in said_before_training("--preset", "digits")  # the small CNN has no backbone
    monkeypatch.setenv("PETLOC_SHARED_DIR", str(tmp_path))
    (tmp_path / "weights").mkdir()
    (tmp_path / "weights" / "mobilenet_2_5_224_tf_no_top.h5").write_bytes(b"weights")
    assert "ImageNet" not in said_before_training("--preset", "photo")  # found in PETLOC_SHARED_DIR
