"""`petloc train --distribute multiworker` checks TF_CONFIG before TensorFlow loads: one line naming
the variable and the fix, no folder made (TensorFlow found these after 5-10 s, in its own words, or
trained alone without a word)."""

from __future__ import annotations

import json
import socket

import pytest

from tests.cli.helpers import run_cli

CLUSTER = {"worker": ["127.0.0.1:1", "127.0.0.1:2"]}


def _train(tmp_path, capsys, monkeypatch, tf_config, *extra):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    if tf_config is None:
        monkeypatch.delenv("TF_CONFIG", raising=False)
    else:
        monkeypatch.setenv("TF_CONFIG", tf_config if isinstance(tf_config, str) else json.dumps(tf_config))
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "o",
                             "--distribute", "multiworker", *extra)
    assert out == "" and err.count("\n") == 1, err
    assert not (tmp_path / "o").exists()  # refused before anything is made
    return code, err


@pytest.mark.parametrize("tf_config", [None, "{}", {"task": {"type": "worker", "index": 0}}])
def test_multiworker_without_a_cluster_is_refused_not_trained_alone(tmp_path, capsys, monkeypatch, tf_config):
    code, err = _train(tmp_path, capsys, monkeypatch, tf_config)
    assert code == 2 and "TF_CONFIG" in err and "leave out --distribute multiworker" in err


@pytest.mark.parametrize(("task", "message"), [
    (None, 'TF_CONFIG has no "task"'),
    ({"type": "worker", "index": 2}, "TF_CONFIG's task index 2 is not one of cluster.worker's 2 entries"),
    ({"type": "worker", "index": -1}, "task index -1"),
    # a string: it was said to be out of the range it is in
    ({"type": "worker", "index": "1"}, "TF_CONFIG's task index '1' must be a number, not text: \"index\": 1"),
    ({"type": "foo", "index": 0}, "TF_CONFIG's task type 'foo'"),
    ({"type": "evaluator", "index": 0}, "no evaluator task"),
    ({"type": "chief", "index": 0}, "lists no 'chief'"),
])
def test_a_wrong_task_is_named_in_tf_configs_words(tmp_path, capsys, monkeypatch, task, message):
    config = {"cluster": CLUSTER, **({"task": task} if task else {})}
    code, err = _train(tmp_path, capsys, monkeypatch, config)
    assert code == 2 and message in err, err  # a usage error, as every bad TF_CONFIG (test_tf_config_usage_exit)


@pytest.mark.parametrize(("cluster", "message"), [
    ({"worker": ["a:1", "a:1"]}, "lists a:1 twice"),
    ({"worker": ["nohost"]}, "is not host:port"),
    # digits str.isdigit takes: "²" passed it and int() raised a traceback; full-width ones were port 24591, and
    # the worker loaded TensorFlow and waited out --worker-timeout
    ({"worker": ["localhost:\u00b2", "127.0.0.1:2"]}, "'localhost:²' is not host:port"),
    ({"worker": ["localhost:\uff12\uff14\uff15\uff19\uff11", "127.0.0.1:2"]},
     "is not host:port (a port from 1 to 65535 in the digits 0-9)"),
    ({"ps": ["a:1"], "worker": ["b:1"]}, "'ps' job"),
])
def test_a_wrong_cluster_is_named(tmp_path, capsys, monkeypatch, cluster, message):
    code, err = _train(tmp_path, capsys, monkeypatch, {"cluster": cluster, "task": {"type": "worker", "index": 0}})
    assert code == 2 and message in err, err


def test_a_batch_that_does_not_split_across_the_workers_is_refused(tmp_path, capsys, monkeypatch):
    config = {"cluster": CLUSTER, "task": {"type": "worker", "index": 0}}
    code, err = _train(tmp_path, capsys, monkeypatch, config, "--batch-size", "15")
    assert code == 2 and "--batch-size 15 cannot be split evenly across the 2 workers" in err and "e.g. 16" in err


def test_this_workers_port_in_use_is_named(tmp_path, capsys, monkeypatch):
    with socket.socket() as holder:
        holder.bind(("", 0))
        holder.listen()
        port = holder.getsockname()[1]
        config = {"cluster": {"worker": [f"127.0.0.1:{port}", "127.0.0.1:2"]}, "task": {"type": "worker", "index": 0}}
        code, err = _train(tmp_path, capsys, monkeypatch, config)
    assert code == 1 and f"port {port} of this worker (worker 0 at 127.0.0.1:{port} in TF_CONFIG) is in use" in err
