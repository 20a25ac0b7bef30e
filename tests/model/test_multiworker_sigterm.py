"""SIGTERM under multi-worker training: TensorFlow's coordination service installs a SIGTERM handler
of its own when the workers connect, under which a SIGTERM did nothing (both trained to the end)."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from tests.model.test_multiworker import _start_workers

pytestmark = pytest.mark.slow


def test_sigterm_on_one_worker_stops_it_with_143_and_the_other_too(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    logs = [tmp_path / f"worker{index}.log" for index in range(2)]

    def output(index: int) -> dict:
        return {"stdout": open(logs[index], "w"), "stderr": subprocess.STDOUT}

    procs = _start_workers(data, tmp_path, 500, output)
    try:
        deadline = time.monotonic() + 300
        while "epoch 2/" not in logs[0].read_text():
            assert all(p.poll() is None for p in procs), [log.read_text()[-2000:] for log in logs]
            assert time.monotonic() < deadline, logs[0].read_text()[-2000:]
            time.sleep(0.5)
        procs[1].send_signal(signal.SIGTERM)
        codes = [p.wait(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    texts = [log.read_text() for log in logs]
    assert codes == [130, 143], [t[-2000:] for t in texts]
    assert "training cancelled (SIGTERM)" in texts[1] and "another worker was stopped" in texts[0]
    assert not list(tmp_path.glob("w*/**/meta.json"))
