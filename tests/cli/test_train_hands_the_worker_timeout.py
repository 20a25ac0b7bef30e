"""`petloc train --distribute multiworker` hands its --worker-timeout (given, or the default 300 s) to the run it
starts (`TrainConfig.worker_timeout`), which bounds the start-of-training check by it when longer than 600 s; a
run of one machine hands none. (It went through a module-level value of `model.distributed` before.)"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train, train_distribution
from tests.cli.helpers import one_box_each, run_cli


@pytest.mark.parametrize(("options", "handed"), [
    (["--distribute", "multiworker", "--worker-timeout", "900"], 900),
    (["--distribute", "multiworker"], train_distribution.WORKER_TIMEOUT),
    (["--distribute", "mirrored"], None),
    ([], None),
])
def test_the_worker_timeout_is_handed_to_the_run(tmp_path, capsys, monkeypatch, options, handed):
    from petloc_gui.model import distributed, training

    configs = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # training and TensorFlow stood in for
        configs.append(config)
        on_event({"event": "start", "epochs": 1, "n_train": 3, "n_val": 1, "skipped": [], "class_names": ["cat"]})
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    with socket.socket() as probe:
        probe.bind(("", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": [f"127.0.0.1:{port}", "127.0.0.1:2"]},
                                                "task": {"type": "worker", "index": 0}}))
    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(train_distribution, "connect_workers", lambda args: None)
    monkeypatch.setattr(distributed, "mirrored_devices", lambda: ["/device:GPU:0", "/device:GPU:1"])
    monkeypatch.setattr(training, "train", trained)
    data = one_box_each(tmp_path / "data", ["cat"] * 4)
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "out",
                           "--batch-size", "16", *options)
    assert code == 0, err
    assert [config.worker_timeout for config in configs] == [handed]
