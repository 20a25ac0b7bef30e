"""`petloc train --distribute mirrored` on a machine with one device (no GPU, or one) said nothing: the user asked
for several devices and got a run on one without a word. It now says so in one line, naming the device; with
several devices, or without --distribute mirrored, there is no such line."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import one_box_each, run_cli

CPU = "/job:localhost/replica:0/task:0/device:CPU:0"
GPUS = ["/job:localhost/replica:0/task:0/device:GPU:0", "/job:localhost/replica:0/task:0/device:GPU:1"]


def _trained(data_dir, config, on_event, should_stop, folder=None):  # training stood in for, TensorFlow too
    on_event({"event": "start", "epochs": 1, "n_train": 3, "n_val": 1, "skipped": [], "class_names": ["cat"]})
    on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
    return Path(config.out_dir)


def _train(tmp_path, capsys, monkeypatch, devices, *distribute):
    from petloc_gui.model import distributed, training

    asked = []
    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(distributed, "mirrored_devices", lambda: asked.append(True) or devices)
    monkeypatch.setattr(training, "train", _trained)
    monkeypatch.delenv("TF_CONFIG", raising=False)
    data = one_box_each(tmp_path / "data", ["cat"] * 4)
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "out", *distribute)
    assert code == 0, err
    return err, asked


def test_mirrored_on_one_device_says_it_trains_as_on_one_device(tmp_path, capsys, monkeypatch):
    err, _ = _train(tmp_path, capsys, monkeypatch, [CPU], "--distribute", "mirrored")
    said = [line for line in err.splitlines() if line.startswith("--distribute")]  # (tmp_path names mirrored)
    assert said == ["--distribute mirrored: this machine has one device (CPU:0), so this run trains as on one "
                    "device"], err


@pytest.mark.parametrize(("devices", "distribute"), [(GPUS, ["--distribute", "mirrored"]), ([CPU], [])])
def test_no_line_with_several_devices_or_without_mirrored(tmp_path, capsys, monkeypatch, devices, distribute):
    err, asked = _train(tmp_path, capsys, monkeypatch, devices, *distribute)
    assert "one device" not in err, err
    assert asked == ([True] if distribute else [])  # the devices are looked at for mirrored only
