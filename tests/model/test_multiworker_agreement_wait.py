"""A worker waiting at the start-of-run check (`worker_agreement.check_workers_agree`) for a worker that is
alive but slow to get there (a cold disk, a bigger folder): the wait had no limit (AGREEMENT_TIMEOUT was
only in the wording) and ran inside TensorFlow's C++ code, where no Python signal handler runs, so Ctrl+C,
a second Ctrl+C and SIGTERM did nothing; only kill -9 ended it. Now the wait ends at the timeout with one
line, and a Ctrl+C while it waits stops the worker at once."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from petloc_gui.model import worker_agreement
from petloc_gui.model.distributed import WorkerLostError
from tests.model.test_distributed_lost_worker_words import TIMED_OUT, _FailingExchange
from tests.model.test_multiworker import _start_workers

pytestmark = pytest.mark.slow

# TensorFlow's import and the connect take ~20-40 s on a loaded machine: a bound on a broken run only
REACHES_THE_CHECK_WITHIN = 240
# The timeout the launcher gives worker 0's check: short, so the test is; its words must say it
SHORT_TIMEOUT = 15

# Worker 1 sleeps before the check (a slow data collection), worker 0 says when it reaches it; both then run
# `petloc train` as the README's command does.
_LAUNCHER = """\
import sys, time
import petloc_gui.model.training as training
import petloc_gui.model.worker_agreement as agreement
agreement.agreement_timeout = lambda worker_timeout=None: {timeout}  # not the 600 s, nor --worker-timeout's 300
original = training.check_workers_agree
def at_the_check(*args, **kwargs):
    sys.stderr.write("[test] at the check\\n"); sys.stderr.flush()
    time.sleep({sleep})
    return original(*args, **kwargs)
training.check_workers_agree = at_the_check
from petloc_gui.cli.main import main
sys.argv[0] = "petloc"
sys.exit(main())
"""


def _two_workers(tmp_path, timeout: float):
    """Worker 0 and a worker 1 that reaches the check an hour late; their stderr logs."""
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=20, seed=0)
    scripts = []
    for index, sleep in enumerate((0, 3600)):
        scripts.append(tmp_path / f"launch{index}.py")
        scripts[-1].write_text(_LAUNCHER.format(timeout=timeout, sleep=sleep), encoding="utf-8")
    logs = [tmp_path / f"worker{index}.log" for index in range(2)]

    def output(index: int) -> dict:
        return {"stdout": subprocess.DEVNULL, "stderr": open(logs[index], "w")}

    procs = _start_workers(data, tmp_path, 1, output, launcher=lambda index: str(scripts[index]))
    deadline = time.monotonic() + REACHES_THE_CHECK_WITHIN
    while not all("[test] at the check" in log.read_text() for log in logs):
        assert all(p.poll() is None for p in procs), [log.read_text()[-2000:] for log in logs]
        assert time.monotonic() < deadline, [log.read_text()[-2000:] for log in logs]
        time.sleep(0.5)
    return procs, logs


def _killed(procs) -> None:
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_worker_waits_for_a_slow_worker_at_most_the_timeout_and_names_it(tmp_path):
    procs, logs = _two_workers(tmp_path, SHORT_TIMEOUT)
    try:
        waited = time.monotonic()
        try:
            code = procs[0].wait(timeout=SHORT_TIMEOUT + 60)
        except subprocess.TimeoutExpired:
            pytest.fail("worker 0 still waits at the check: " + logs[0].read_text()[-2000:])
        waited = time.monotonic() - waited
    finally:
        _killed(procs)
    text = logs[0].read_text()
    assert code == 1, text[-3000:]
    assert waited >= SHORT_TIMEOUT - 2, (waited, text[-2000:])
    line = [line for line in text.splitlines() if line.startswith("petloc: ")][-1]  # (notices come before)
    assert f"worker 1 did not reach the start of training within {SHORT_TIMEOUT} s" in line, line
    assert "epoch 1/" not in text and not list(tmp_path.glob("w0/**/meta.json"))


def test_ctrl_c_while_waiting_at_the_check_stops_the_worker(tmp_path):
    procs, logs = _two_workers(tmp_path, 600)
    try:
        time.sleep(3)  # in the collective by now: the check follows the line at once
        assert procs[0].poll() is None, logs[0].read_text()[-2000:]
        procs[0].send_signal(signal.SIGINT)
        try:
            code = procs[0].wait(timeout=20)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl+C did not stop worker 0 at the check: " + logs[0].read_text()[-2000:])
    finally:
        _killed(procs)
    text = logs[0].read_text()
    assert code == 130, text[-3000:]
    assert "training cancelled; no bundle written" in text, text[-2000:]


@pytest.mark.parametrize(("worker_timeout", "waited"), [(900, 900), (300, 600), (None, 600)])
def test_the_wait_at_the_check_follows_a_longer_worker_timeout_and_names_it(worker_timeout, waited):
    """Workers that differ by more than 600 s in collecting their data (20 GB on a network disk against a local
    SSD) used to train; the check then ended the run with no way to wait longer. --worker-timeout (the workers
    connected under it, handed down by the run) now bounds this wait too when longer, and the line names it."""
    strategy = _FailingExchange(TIMED_OUT)
    with pytest.raises(WorkerLostError) as lost:
        worker_agreement.check_workers_agree(strategy, {"seed": 0}, worker_timeout=worker_timeout)
    line = str(lost.value)
    assert strategy.options.timeout_seconds == waited
    assert f"did not reach the start of training within {waited} s" in line, line
    assert "--worker-timeout SECONDS" in line, line
