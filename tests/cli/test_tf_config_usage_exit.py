"""A bad TF_CONFIG made `petloc train --distribute multiworker` exit 2 in some cases (none set, no "cluster") and 1 in
all others (not JSON, a task index out of range, an unknown task type, a malformed port, one host:port listed two
ways ...), though each is the same kind of mistake: the command's input, found before anything is done. Every one
is now a usage error, as docs/cli.md's exit codes say (2), in one line naming TF_CONFIG; a host that cannot be a
host name (a URL's `grpc://`, a space) is one too. What is not the variable's mistake stays 1: this worker's port
held by another program now (the same TF_CONFIG works once it is free), and a well-formed host that does not
resolve yet is not refused (a cluster's names may appear only as its workers start: the wait names it)."""

from __future__ import annotations

import json
import socket

import pytest

from tests.cli.helpers import run_cli

TASK = {"type": "worker", "index": 0}


def _config(cluster, task=TASK):
    return json.dumps({"cluster": cluster, **({"task": task} if task is not None else {})})


def _pair(port: int) -> dict:
    return {"worker": [f"127.0.0.1:{port}", f"127.0.0.1:{port + 1 if port < 65535 else port - 1}"]}


@pytest.fixture
def free_port():
    with socket.socket() as probe:
        probe.bind(("", 0))
        return probe.getsockname()[1]


CASES = {
    "unset": (None, "needs the TF_CONFIG environment variable"),
    "not JSON": ('{"cluster": {"worker": ["a:1"]', "TF_CONFIG environment variable is not valid JSON"),
    "not an object": ('["a:1"]', "TF_CONFIG environment variable is not a JSON object"),
    "no cluster": ('{"task": {"type": "worker", "index": 0}}', 'TF_CONFIG has no "cluster"'),
    "cluster not an object": ('{"cluster": ["a:1"], "task": {"type": "worker", "index": 0}}',
                              "TF_CONFIG's \"cluster\" is not an object"),
    "workers not a list": (_config({"worker": "a:1"}), "TF_CONFIG's cluster.worker is not a list"),
    "ps job": (_config({"ps": ["a:1"], "worker": ["b:1"]}), "'ps' job"),
    "two chiefs": (_config({"chief": ["a:1", "b:1"], "worker": ["c:1"]}), "more than one machine"),
    "no task": ("{port}no task", 'TF_CONFIG has no "task"'),
    "index out of range": ("{port}index 2", "TF_CONFIG's task index 2 is not one of cluster.worker's 2 entries"),
    "negative index": ("{port}index -1", "TF_CONFIG's task index -1"),
    "index as text": ("{port}index '1'", "TF_CONFIG's task index '1' must be a number"),
    "unknown task type": ("{port}type foo", "TF_CONFIG's task type 'foo'"),
    "evaluator": ("{port}type evaluator", "no evaluator task"),
    "chief not listed": ("{port}type chief", "lists no 'chief'"),
    "no port": (_config({"worker": ["nohost"]}), "'nohost' is not host:port"),
    "port 0": (_config({"worker": ["a:0", "b:1"]}), "'a:0' is not host:port"),
    "port over 65535": (_config({"worker": ["a:70000", "b:1"]}), "'a:70000' is not host:port"),
    "port not digits": (_config({"worker": ["a:22x", "b:1"]}), "'a:22x' is not host:port"),
    "URL": (_config({"worker": ["grpc://a:2222", "b:1"]}), "'grpc://a:2222' is not host:port"),
    "space in host": (_config({"worker": ["my host:2222", "b:1"]}), "'my host:2222' is not host:port"),
    "listed twice": (_config({"worker": ["a:1", "a:1"]}), "lists a:1 twice"),
    "listed two ways": ("{port}two ways", "lists one host:port two ways"),
}


def _tf_config(text, port: int) -> str | None:
    """The case's TF_CONFIG; ``{port}...`` ones are built around a free port of this machine (the checks that
    come after the port's look at a cluster whose own port is free)."""
    if text is None or not text.startswith("{port}"):
        return text
    case = text.removeprefix("{port}")
    cluster = _pair(port)
    if case == "no task":
        return _config(cluster, None)
    if case == "two ways":
        return _config({"worker": [f"localhost:{port}", f"127.0.0.1:{port}"]})
    key, _, value = case.partition(" ")
    task = {**TASK, key: int(value) if value.lstrip("-").isdigit() else value.strip("'")}
    return _config(cluster, task)


@pytest.mark.parametrize("case", list(CASES))
def test_every_bad_tf_config_is_a_usage_error_in_one_line(tmp_path, capsys, monkeypatch, free_port, case):
    text, words = CASES[case]
    config = _tf_config(text, free_port)
    if config is None:
        monkeypatch.delenv("TF_CONFIG", raising=False)
    else:
        monkeypatch.setenv("TF_CONFIG", config)
    (tmp_path / "data").mkdir()
    code, out, err = run_cli(capsys, "train", tmp_path / "data", "--preset", "digits", "--out", tmp_path / "o",
                             "--distribute", "multiworker")
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("petloc: ") and "TF_CONFIG" in err and words in err, err
    assert not (tmp_path / "o").exists()  # refused before anything is made


def test_this_workers_port_held_now_is_no_usage_error(tmp_path, capsys, monkeypatch):
    with socket.socket() as holder:
        holder.bind(("", 0))
        holder.listen()
        port = holder.getsockname()[1]
        monkeypatch.setenv("TF_CONFIG", _config(_pair(port)))
        (tmp_path / "data").mkdir()
        code, _, err = run_cli(capsys, "train", tmp_path / "data", "--preset", "digits", "--out", tmp_path / "o",
                               "--distribute", "multiworker")
    assert code == 1 and f"port {port} of this worker" in err and err.count("\n") == 1, err
