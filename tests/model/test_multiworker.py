"""Multi-worker training for real: two `petloc train` processes on 127.0.0.1 with TF_CONFIG."""

from __future__ import annotations

import json
import os
import re
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


def _start_workers(data, tmp_path, epochs: int, popen, extra=lambda index: [], launcher=lambda index: None,
                   workers: int = 2, env=lambda index: {}) -> list[subprocess.Popen]:
    """``workers`` processes on 127.0.0.1; ``extra(index)``: more arguments for that worker;
    ``launcher(index)``: what runs its command line instead of ``-m petloc_gui.cli`` (a script path);
    ``env(index)``: more environment variables for that worker."""
    ports = _free_ports(workers)
    cluster = {"worker": [f"127.0.0.1:{p}" for p in ports]}
    procs = []
    for index in range(workers):
        environment = dict(os.environ, TF_CONFIG=json.dumps({"cluster": cluster, "task": {"type": "worker",
                                                                                             "index": index}}),
                           TF_CPP_MIN_LOG_LEVEL="2", CUDA_VISIBLE_DEVICES="", **env(index))
        # exactly the README's command, one process per worker
        program = [launcher(index)] if launcher(index) else ["-m", "petloc_gui.cli"]
        command = [sys.executable, *program, "train", str(data), "--preset", "digits",
                   "--out", str(tmp_path / f"w{index}"), "--epochs", str(epochs), "--batch-size", "16",
                   "--distribute", "multiworker", *extra(index)]
        procs.append(subprocess.Popen(command, env=environment, text=True, **popen(index)))
    return procs


def _finish(procs: list[subprocess.Popen], timeout: float = 600) -> list[tuple[int, str, str]]:
    """(exit code, stdout, stderr) of each worker started with pipes; all killed if one takes too long."""
    results = []
    for proc in procs:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
            raise
        results.append((proc.returncode, out, err))
    return results


def _pipes(index: int) -> dict:
    return {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}


def test_two_workers_train_and_only_the_chief_writes_a_bundle(two_worker_run):
    # (the other worker keeps its scratch bundle elsewhere, for test_multiworker_batchnorm: see its --out)
    data, tmp_path, results = two_worker_run.data, two_worker_run.folder, two_worker_run.results
    for code, _, err in results:
        assert code == 0, err[-3000:]
    chief_out = results[0][1].strip().splitlines()
    assert chief_out, results[0][2][-2000:]
    bundle = chief_out[-1]
    assert results[1][1].strip() == ""  # the other worker prints no bundle path...
    # ...and names the chief it trained with and the folder that chief wrote (a leftover worker 0 of an
    # earlier run could have taken it: its bundle would be under that run's --out)
    said = results[1][2].strip().splitlines()[-1]
    assert re.fullmatch(r"this worker is done; the chief, worker 0 \(127\.0\.0\.1:\d+, pid \d+\), wrote the "
                        r"bundle to " + re.escape(bundle), said), results[1][2][-2000:]
    assert not (tmp_path / "w1").exists() or not any((tmp_path / "w1").iterdir())  # ...and writes none
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.inference import Predictor

    meta = read_meta(bundle)
    assert meta["config"]["distribute"] == "multiworker" and meta["epochs_run"] == 1
    assert meta["distribution"] == {"strategy": "multiworker", "workers": 2, "replicas": 2, "global_batch": 16,
                                    "per_replica_batch": 8, "written_by": "worker 0 (the chief)",
                                    "batchnorm_synchronized": True}
    image = data / meta["splits"]["validation"][0]
    [prediction] = Predictor(bundle).predict_paths([image])
    assert prediction.label in [str(d) for d in range(10)]


def _interrupt_the_non_chief(tmp_path, epochs: int, watched: int, marker: str, poll: float):
    """Two workers on 40 digits; SIGINT to the non-chief once worker ``watched``'s log shows ``marker``.
    (exit codes, log texts, bundles written)."""
    import signal
    import time

    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    logs = [tmp_path / f"worker{index}.log" for index in range(2)]

    def output(index: int) -> dict:
        handle = open(logs[index], "w")  # noqa: SIM115 - closed with the process
        return {"stdout": handle, "stderr": subprocess.STDOUT}

    procs = _start_workers(data, tmp_path, epochs, output)
    try:
        deadline = time.monotonic() + 300
        while marker not in logs[watched].read_text():
            assert all(p.poll() is None for p in procs), [log.read_text()[-2000:] for log in logs]
            assert time.monotonic() < deadline, logs[watched].read_text()[-2000:]
            time.sleep(poll)
        procs[1].send_signal(signal.SIGINT)  # the non-chief: the chief would otherwise wait in a collective
        codes = [p.wait(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    return codes, [log.read_text() for log in logs], list(tmp_path.glob("w*/**/meta.json"))


def test_ctrl_c_on_one_worker_stops_both(tmp_path):
    """The stop request is agreed through a collective: the other worker must not wait for ever."""
    codes, texts, bundles = _interrupt_the_non_chief(tmp_path, 500, 0, "epoch 2/", 0.5)  # both in training
    assert codes == [130, 130], [t[-2000:] for t in texts]
    assert all("training cancelled" in t for t in texts)
    assert not bundles


def test_ctrl_c_after_the_last_batch_is_one_decision_for_every_worker(tmp_path):
    """A Ctrl+C on the non-chief while it validates and scores after its last batch: every worker
    stops (130, no bundle) or, if the workers had already agreed to finish, it is too late for all
    (0, the chief's bundle, said so). It used to be read by that worker alone: it exited 130 while
    the chief wrote the bundle."""
    # the last epoch's line: scoring comes next
    codes, texts, bundles = _interrupt_the_non_chief(tmp_path, 1, 1, "epoch 1/1  loss", 0.02)
    if codes == [130, 130]:
        assert all("training cancelled" in t for t in texts) and not bundles
    else:
        assert codes == [0, 0], [t[-2000:] for t in texts]
        assert "too late to cancel" in texts[1] and len(bundles) == 1, [t[-2000:] for t in texts]
