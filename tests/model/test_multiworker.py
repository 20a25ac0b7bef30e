"""Multi-worker training for real: two `petloc train` processes on 127.0.0.1 with TF_CONFIG."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def _free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def test_two_workers_train_and_only_the_chief_writes_a_bundle(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    ports = _free_ports(2)
    cluster = {"worker": [f"127.0.0.1:{p}" for p in ports]}
    procs = []
    for index in range(2):
        env = dict(os.environ, TF_CONFIG=json.dumps({"cluster": cluster, "task": {"type": "worker", "index": index}}),
                   TF_CPP_MIN_LOG_LEVEL="2", CUDA_VISIBLE_DEVICES="")
        # exactly the README's command, one process per worker
        command = [sys.executable, "-m", "petloc_gui.cli", "train", str(data), "--preset", "digits",
                   "--out", str(tmp_path / f"w{index}"), "--epochs", "1", "--batch-size", "16",
                   "--distribute", "multiworker"]
        procs.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            raise
        results.append((proc.returncode, out, err))
    for code, _, err in results:
        assert code == 0, err[-3000:]
    chief_out = results[0][1].strip().splitlines()
    assert chief_out, results[0][2][-2000:]
    bundle = chief_out[-1]
    assert results[1][1].strip() == ""  # the other worker prints no bundle path...
    assert "chief worker writes the bundle" in results[1][2]
    assert not (tmp_path / "w1").exists() or not any((tmp_path / "w1").iterdir())  # ...and writes none
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.inference import Predictor

    meta = read_meta(bundle)
    assert meta["config"]["distribute"] == "multiworker" and meta["epochs_run"] == 1
    image = data / meta["splits"]["validation"][0]
    [prediction] = Predictor(bundle).predict_paths([image])
    assert prediction.label in [str(d) for d in range(10)]
