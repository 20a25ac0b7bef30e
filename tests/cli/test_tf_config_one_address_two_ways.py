"""TF_CONFIG naming one host:port two ways (`localhost:24591` and `127.0.0.1:24591`) passed the duplicate check,
which compared the strings: the worker waiting for the other reached its own server and waited out
--worker-timeout (300 s) before failing. Such entries are refused before TensorFlow loads, one line naming both.
The hosts are compared by what they resolve to (every loopback address, and 0.0.0.0 or ::, is this machine); a host
that does not resolve is an alias of nothing, and two ports are never one listener."""

from __future__ import annotations

import json
import socket

import pytest

from petloc_gui.cli.output import CommandError
from petloc_gui.cli.tf_config import read_tf_config
from tests.cli.helpers import run_cli

# What a stand-in resolver answers for names this machine's may not know; any other name goes to the real one.
_KNOWN = {"trainer1": "10.0.0.5", "trainer1.lab.example": "10.0.0.5", "trainer2": "10.0.0.6"}
_REAL_GETADDRINFO = socket.getaddrinfo


def _resolver(host, port, *args, **kwargs):
    if host in _KNOWN:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (_KNOWN[host], port or 0))]
    if str(host).endswith(".invalid"):  # RFC 6761: never resolves
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return _REAL_GETADDRINFO(host, port, *args, **kwargs)


@pytest.fixture
def free_port():
    with socket.socket() as probe:
        probe.bind(("", 0))
        return probe.getsockname()[1]


def _read(monkeypatch, workers, index=0):
    monkeypatch.setattr(socket, "getaddrinfo", _resolver)
    monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": workers},
                                                "task": {"type": "worker", "index": index}}))
    return read_tf_config(None)


@pytest.mark.parametrize(("first", "second"), [("localhost", "127.0.0.1"), ("127.0.0.1", "127.0.0.2"),
                                               ("localhost", "127.0.1.1"),
                                               # connecting to "any address" reaches this machine (Linux)
                                               ("0.0.0.0", "localhost"), ("[::]", "127.0.0.1")])
def test_one_loopback_port_named_two_ways_is_refused_naming_both(monkeypatch, free_port, first, second):
    with pytest.raises(CommandError) as refused:
        _read(monkeypatch, [f"{first}:{free_port}", f"{second}:{free_port}"])
    line = str(refused.value)
    assert f"{first}:{free_port} (worker[0]) and {second}:{free_port} (worker[1])" in line, line
    assert "this machine" in line and "give each worker its own host:port" in line, line


def test_a_name_and_another_name_of_one_address_are_refused(monkeypatch):
    with pytest.raises(CommandError) as refused:
        _read(monkeypatch, ["trainer1:2222", "trainer2:2222", "trainer1.lab.example:2222"], index=1)
    line = str(refused.value)
    assert "trainer1:2222 (worker[0]) and trainer1.lab.example:2222 (worker[2])" in line, line
    assert "10.0.0.5" in line, line


@pytest.mark.parametrize("workers", [
    ["localhost:{port}", "127.0.0.1:{other}"],  # one machine, two ports: two listeners
    ["localhost:{port}", "trainer1:{port}", "trainer2:{port}"],  # three machines, one port each
    ["localhost:{port}", "host-a.invalid:{port}", "host-b.invalid:{port}"],  # unresolvable here: aliases of nothing
])
def test_distinct_listeners_and_unresolvable_hosts_are_not_refused(monkeypatch, free_port, workers):
    listed = [worker.format(port=free_port, other=free_port + 1 if free_port < 65535 else free_port - 1)
              for worker in workers]
    cluster = _read(monkeypatch, listed)
    assert [address for _, _, address in cluster.tasks] == listed


def test_petloc_train_refuses_it_before_tensorflow_in_one_line(tmp_path, capsys, monkeypatch):
    with socket.socket() as holder:  # this worker's port held: without the check, the port's line came instead
        holder.bind(("", 0))
        holder.listen()
        port = holder.getsockname()[1]
        monkeypatch.setenv("TF_CONFIG", json.dumps({"cluster": {"worker": [f"localhost:{port}", f"127.0.0.1:{port}"]},
                                                    "task": {"type": "worker", "index": 1}}))
        (tmp_path / "data").mkdir()
        code, out, err = run_cli(capsys, "train", tmp_path / "data", "--preset", "digits", "--out", tmp_path / "o",
                                 "--distribute", "multiworker")
    assert code == 2 and out == "" and len(err.splitlines()) == 1, err  # a usage error, as every bad TF_CONFIG
    assert f"localhost:{port} (worker[0]) and 127.0.0.1:{port} (worker[1])" in err, err
    assert not (tmp_path / "o").exists()
