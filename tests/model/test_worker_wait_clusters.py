"""Workers whose TF_CONFIG differ refuse within seconds during the wait for each other, naming the difference.

Host B listed the cluster as [B, A] and host A as [A, B], each as index 0: both thought they were worker 0, every
peer answered the wait, and both waited out the whole --worker-timeout (300 s by default) in TensorFlow's connect,
then said "the other workers did not all connect ... check their addresses". Each worker now tells the others,
over the wait's sockets, which task it is and the cluster it lists (`worker_wait.ClusterView`)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from petloc_gui.model.distributed import WorkersNotConnectedError, _wait_for_start
from tests.model.test_multiworker import _free_ports
from tests.model.test_worker_wait import _Spec


def _run_workers(specs: list[tuple[_Spec, int]], delays: list[float], timeout: float = 60) -> list[str]:
    """`_wait_for_start` of each (spec, worker index), in threads started ``delays`` seconds apart: what each
    raised ("" when it went on; its port then answers, as TensorFlow's server would, until all are done)."""
    said = [""] * len(specs)
    servers: list[socket.socket] = []

    def worker(number: int) -> None:
        spec, index = specs[number]
        try:
            _wait_for_start(spec, "worker", index, timeout, lambda line: None)
        except WorkersNotConnectedError as exc:
            said[number] = str(exc)
        else:
            servers.append(socket.create_server(("", int(spec.task_address("worker", index).rpartition(":")[2]))))

    threads = []
    for number, delay in enumerate(delays):
        time.sleep(delay)
        threads.append(threading.Thread(target=worker, args=(number,), daemon=True))
        threads[-1].start()
    for thread in threads:
        thread.join(timeout + 30)
    for server in servers:
        server.close()
    return said


@pytest.mark.parametrize("delay", [0.0, 1.0], ids=["together", "host B a second later"])
def test_clusters_listed_in_another_order_refuse_within_seconds(delay):
    a, b = (f"127.0.0.1:{port}" for port in _free_ports(2))
    started = time.monotonic()
    said = _run_workers([(_Spec({"worker": [a, b]}), 0), (_Spec({"worker": [b, a]}), 0)], [0.0, delay])
    assert time.monotonic() - started < 20  # not the 60 s timeout
    for line, (mine, other) in zip(said, [(a, b), (b, a)], strict=True):
        assert line.startswith("the workers' TF_CONFIG differ: "), line
        assert f"worker [{mine}, {other}]" in line and f"worker [{other}, {mine}]" in line, line  # both clusters
        assert "give every worker the same \"cluster\", in the same order, and each its own task index" in line, line
    # whichever saw it first: the one it reached names it as that one's TF_CONFIG places it
    assert any(f"worker 1 at {b} in this worker's TF_CONFIG is worker 0 in its own" in line
               or "a worker that is worker 0 in its own TF_CONFIG took this worker for its worker 1, but this is "
                  "worker 0 here" in line for line in said), said


def test_clusters_of_another_size_refuse_within_seconds():
    """Worker 1 lists a third worker, which never starts: it waited for it the whole timeout."""
    a, b, c = (f"127.0.0.1:{port}" for port in _free_ports(3))
    started = time.monotonic()
    said = _run_workers([(_Spec({"worker": [a, b]}), 0), (_Spec({"worker": [a, b, c]}), 1)], [0.0, 0.5])
    assert time.monotonic() - started < 20
    for line in said:
        assert line.startswith("the workers' TF_CONFIG differ: "), line
        assert "2 workers" in line and "3 workers" in line, line


def test_the_same_cluster_named_two_ways_is_no_difference():
    """A host named otherwise on each worker (localhost here, 127.0.0.1 there) is for TensorFlow to reach."""
    ports = _free_ports(2)
    as_a = _Spec({"worker": [f"localhost:{ports[0]}", f"127.0.0.1:{ports[1]}"]})
    as_b = _Spec({"worker": [f"127.0.0.1:{port}" for port in ports]})
    assert _run_workers([(as_a, 0), (as_b, 1)], [0.0, 0.5]) == ["", ""]


# Worker 0 of two, its wait told that worker 1 answered; worker 1 never connects.
_NEVER_JOINED = """
import json, os, sys
from petloc_gui.model import distributed, worker_wait
os.environ["TF_CONFIG"] = json.dumps({"cluster": {"worker": sys.argv[1:]}, "task": {"type": "worker", "index": 0}})
worker_wait.wait_for_workers = lambda *args, **kwargs: []
try:
    distributed.connect_workers(3, "worker 1 at " + sys.argv[2] + ", from TF_CONFIG")
except distributed.WorkersNotConnectedError as exc:
    print(exc)
"""


@pytest.mark.slow
def test_workers_that_all_answered_but_could_not_be_joined_are_not_told_to_check_their_addresses():
    """What the wait's exchange cannot see (a worker of an older petloc): TensorFlow's connect runs out of time
    though every worker answered, which "did not all connect ... check their addresses" misled about."""
    import os
    import subprocess
    import sys

    addresses = [f"127.0.0.1:{port}" for port in _free_ports(2)]
    done = subprocess.run([sys.executable, "-c", _NEVER_JOINED, *addresses], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ, CUDA_VISIBLE_DEVICES="", TF_CPP_MIN_LOG_LEVEL="2"))
    assert done.stdout.strip() == (
        f"every worker answered the wait (worker 1 at {addresses[1]}, from TF_CONFIG), but TensorFlow could not "
        "join them within 3 s: all started, and most likely their TF_CONFIG differ (give every worker the same "
        "\"cluster\", in the same order, and each its own task index), or one of them stopped meanwhile; nothing "
        "was trained"), done.stderr[-3000:]
