"""The multi-worker wait for the other workers to start, in Python before TensorFlow connects them (model.worker_wait):
TensorFlow's own wait held the interpreter, so a Ctrl+C or SIGTERM there ended the process with no word."""

from __future__ import annotations

import os
import signal
import socket

import pytest

from petloc_gui.cli.stop_signals import Terminated, stop_signals
from petloc_gui.model.worker_wait import Peer, stopped_line, wait_for_workers
from tests.model.test_multiworker import _free_ports


def _listening(port: int) -> socket.socket:
    return socket.create_server(("127.0.0.1", port))


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            return True
    except ConnectionResetError:  # taken and reset by the wait's helper thread before connect() returned
        return True
    except OSError:
        return False


def test_the_wait_names_the_worker_it_waits_for_answers_the_others_meanwhile_and_ends_when_it_comes():
    peer_port, own_port = _free_ports(2)
    peer = Peer("worker 1", f"127.0.0.1:{peer_port}")
    said: list[str] = []
    own_answered: list[bool] = []
    started: list[socket.socket] = []

    def say(line: str) -> None:
        said.append(line)
        if not started:  # waiting: this worker's port answers the others, then the other worker starts
            own_answered.append(_answers(own_port))
            started.append(_listening(peer_port))

    try:
        assert wait_for_workers([peer], own_port, 600, say) == []
    finally:
        for s in started:
            s.close()
    assert said == [f"waiting for worker 1 (127.0.0.1:{peer_port}) to start (Ctrl+C stops the wait)...",
                    f"worker 1 (127.0.0.1:{peer_port}) started; connecting..."]
    assert own_answered == [True]
    _listening(own_port).close()  # the port is free again for TensorFlow's server


def test_a_worker_that_never_starts_is_named_at_the_timeout():
    ports = _free_ports(3)
    peers = [Peer("worker 1", f"127.0.0.1:{ports[1]}"), Peer("worker 2", f"127.0.0.1:{ports[2]}")]
    said: list[str] = []
    with _listening(ports[1]):
        assert wait_for_workers(peers, ports[0], 0, said.append) == [peers[1]]
    assert said == [f"waiting for worker 2 (127.0.0.1:{ports[2]}) to start (Ctrl+C stops the wait)..."]


@pytest.mark.parametrize(("signum", "interrupt", "by"), [(signal.SIGINT, KeyboardInterrupt, ""),
                                                        (signal.SIGTERM, Terminated, " (SIGTERM)")])
def test_a_stop_during_the_wait_says_which_workers_had_not_started(signum, interrupt, by):
    peer_port, own_port = _free_ports(2)
    peers = [Peer("worker 1", f"127.0.0.1:{peer_port}")]
    with stop_signals():
        handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        with pytest.raises(interrupt) as raised:
            wait_for_workers(peers, own_port, 600, lambda line: os.kill(os.getpid(), signum))
        assert {s: signal.getsignal(s) for s in handlers} == handlers  # the command's handlers are back
    assert type(raised.value) is interrupt
    assert raised.value.args == (f"stopped{by} while waiting for worker 1 (127.0.0.1:{peer_port}) to start; "
                                 "nothing was trained",)
    _listening(own_port).close()  # closed on the way out


def test_the_stop_line_names_every_worker_not_started():
    peers = [Peer("chief 0", "a:1"), Peer("worker 1", "b:2"), Peer("worker 2", "c:3")]
    assert stopped_line(peers, None) == ("stopped while waiting for chief 0 (a:1), worker 1 (b:2) and worker 2 (c:3) "
                                         "to start; nothing was trained")


def test_this_worker_s_port_held_by_another_program_is_an_os_error():
    peer_port, own_port = _free_ports(2)
    with _listening(own_port), pytest.raises(OSError):
        wait_for_workers([Peer("worker 1", f"127.0.0.1:{peer_port}")], own_port, 0, lambda line: None)


def test_a_worker_that_finds_every_other_one_started_goes_on_without_a_word_or_its_own_socket():
    """They wait for it already: it goes on to TensorFlow's server, which they then see."""
    peer_port, own_port = _free_ports(2)
    said: list[str] = []
    with _listening(peer_port), _listening(own_port):  # its own port held: never opened by the wait
        assert wait_for_workers([Peer("worker 1", f"127.0.0.1:{peer_port}")], own_port, 600, said.append) == []
    assert said == []


class _Spec:
    """What `distributed._wait_for_start` reads of TensorFlow's ClusterSpec."""

    def __init__(self, jobs: dict[str, list[str]]) -> None:
        self.jobs = list(jobs)
        self._jobs = jobs

    def task_indices(self, job: str) -> list[int]:
        return list(range(len(self._jobs[job])))

    def task_address(self, job: str, index: int) -> str:
        return self._jobs[job][index]


def test_the_timeout_names_only_the_workers_that_never_started():
    from petloc_gui.model.distributed import WorkersNotConnectedError, _wait_for_start

    ports = _free_ports(3)
    spec = _Spec({"worker": [f"127.0.0.1:{port}" for port in ports]})
    with _listening(ports[1]), pytest.raises(WorkersNotConnectedError) as raised:
        _wait_for_start(spec, "worker", 0, 0, lambda line: None)
    assert str(raised.value).startswith(f"the other workers did not all connect within 0 s (worker 2 at "
                                        f"127.0.0.1:{ports[2]}, from TF_CONFIG): worker 2 never started, or cannot "
                                        "be reached from this machine: start the same command on each of them")


def test_this_worker_s_port_taken_since_the_early_check_is_said_as_such():
    from petloc_gui.model.distributed import WorkersNotConnectedError, _wait_for_start, port_held

    ports = _free_ports(2)
    spec = _Spec({"worker": [f"127.0.0.1:{port}" for port in ports]})
    with _listening(ports[1]), pytest.raises(WorkersNotConnectedError) as raised:
        _wait_for_start(spec, "worker", 1, 0, lambda line: None)
    assert str(raised.value) == port_held("worker", 1)
