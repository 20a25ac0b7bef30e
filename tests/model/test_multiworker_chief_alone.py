"""Worker 0 of a two-worker cluster started alone: --worker-timeout bounds its wait too.

Worker 0 leads TensorFlow's coordination service and registers with it at once; the register
timeout bounded only the other workers' registration, so worker 0 waited for worker 1 for ever
(and a SIGTERM did not end that wait: `timeout 60 petloc train ...` could not stop it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.model.test_multiworker import _free_ports

pytestmark = pytest.mark.slow

WORKER_TIMEOUT = 5
# TensorFlow's import and start take ~10-20 s on a loaded machine; without the bound the wait never ends.
HARD_LIMIT = 150


def test_worker_0_alone_gives_up_after_the_worker_timeout(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=20, seed=0)
    ports = _free_ports(2)
    cluster = {"worker": [f"127.0.0.1:{port}" for port in ports]}
    environment = dict(os.environ, TF_CONFIG=json.dumps({"cluster": cluster, "task": {"type": "worker", "index": 0}}),
                       CUDA_VISIBLE_DEVICES="")
    command = [sys.executable, "-m", "petloc_gui.cli", "train", str(data), "--preset", "digits",
               "--out", str(tmp_path / "out"), "--epochs", "1", "--batch-size", "16",
               "--distribute", "multiworker", "--worker-timeout", str(WORKER_TIMEOUT)]
    try:
        done = subprocess.run(command, env=environment, text=True, capture_output=True, timeout=HARD_LIMIT)
    except subprocess.TimeoutExpired as exc:  # run() has killed it
        said = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        pytest.fail(f"worker 0 alone still waited after {HARD_LIMIT} s (--worker-timeout {WORKER_TIMEOUT}): "
                    f"{said[-2000:]}")
    assert done.returncode == 1, done.stderr[-3000:]
    assert (f"petloc: the other workers did not all connect within {WORKER_TIMEOUT} s "
            f"(worker 1 at 127.0.0.1:{ports[1]}, from TF_CONFIG)") in done.stderr, done.stderr[-3000:]
    assert done.stdout == ""  # no bundle path
    assert not list(tmp_path.glob("out/**/meta.json"))
