"""The one-address check of TF_CONFIG looked its hosts up one after another, with no time limit and no word,
before TensorFlow loads: with every machine on one port (the usual layout, so every host is looked up) and a
slow or unreachable DNS, an 8-worker TF_CONFIG sat silent for most of a minute. IP addresses are not looked up,
names are looked up side by side within 2 s in all (a name not resolved by then is compared as no other host's
alias, never refused), and a look-up past 1 s says so in one line."""

from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from petloc_gui.cli.output import CommandError
from petloc_gui.cli.tf_config import Cluster, read_tf_config

_NAMES = [f"node{i}.corp" for i in range(8)]


@pytest.fixture
def free_port():
    with socket.socket() as probe:
        probe.bind(("", 0))
        return probe.getsockname()[1]


def _check(monkeypatch, workers) -> tuple[float, Cluster | CommandError]:
    """How long `read_tf_config` took on a TF_CONFIG listing ``workers``, and what it gave."""
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": workers},
                                                "task": {"type": "worker", "index": 0}}))
    started = time.monotonic()
    try:
        outcome: Cluster | CommandError = read_tf_config(None)
    except CommandError as refused:
        outcome = refused
    return time.monotonic() - started, outcome


def test_eight_names_a_slow_dns_takes_2_s_each_are_checked_within_3_s_not_16(monkeypatch, capsys, free_port):
    asked: list[str] = []

    def slow_dns(host, *args, **kwargs):
        asked.append(host)
        time.sleep(2)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", slow_dns)
    workers = [f"127.0.0.1:{free_port}"] + [f"{name}:{free_port}" for name in _NAMES[1:]]
    seconds, cluster = _check(monkeypatch, workers)
    assert seconds < 3, seconds
    assert isinstance(cluster, Cluster), cluster  # not resolved in time: aliases of nothing, not refused
    assert [address for _, _, address in cluster.tasks] == workers
    assert sorted(asked) == sorted(_NAMES[1:])  # every name asked, the IP address not
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and "looking up" in line and "node1.corp" in line, line


def test_a_dns_that_never_answers_holds_the_check_at_most_2_s(monkeypatch, free_port):
    answered = threading.Event()  # set when the test ends, so the look-ups left behind end too

    def silent_dns(*args, **kwargs):
        answered.wait(10)
        return []

    monkeypatch.setattr(socket, "getaddrinfo", silent_dns)
    try:
        seconds, cluster = _check(monkeypatch, [f"{name}:{free_port}" for name in _NAMES])
        assert seconds < 3 and isinstance(cluster, Cluster), (seconds, cluster)
    finally:
        answered.set()


def test_names_are_looked_up_side_by_side_so_a_late_alias_is_still_found(monkeypatch, free_port):
    def dns(host, port, *args, **kwargs):  # 0.4 s each: one after another, node7 would come past the 2 s
        time.sleep(0.4)
        number = 0 if host == "node7.corp" else int(host[4])  # node7 is another name of node0
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (f"10.0.0.{number + 1}", port or 0))]

    monkeypatch.setattr(socket, "getaddrinfo", dns)
    seconds, refused = _check(monkeypatch, [f"{name}:{free_port}" for name in _NAMES])
    assert f"node0.corp:{free_port} (worker[0]) and node7.corp:{free_port} (worker[7])" in str(refused), refused
    assert isinstance(refused, CommandError) and "10.0.0.1" in str(refused)
    assert seconds < 1.5, seconds


def test_ip_addresses_are_compared_without_a_look_up(monkeypatch, capsys, free_port):
    asked: list[str] = []
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *args, **kwargs: asked.append(host) or [])
    _, refused = _check(monkeypatch, [f"10.0.0.5:{free_port}", f"[::1]:{free_port}", f"127.0.0.2:{free_port}"])
    assert isinstance(refused, CommandError), refused
    assert f"[::1]:{free_port} (worker[1]) and 127.0.0.2:{free_port} (worker[2])" in str(refused), refused
    assert asked == [] and capsys.readouterr().err == ""
