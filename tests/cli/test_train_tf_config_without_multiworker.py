"""TF_CONFIG set but `--distribute multiworker` left off: the run trained alone without a word, and the other
workers of TF_CONFIG waited --worker-timeout for it and failed. It says so in one line before anything else
(the missing data folder here stops the command before TensorFlow loads)."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run_cli

TF_CONFIG = json.dumps({"cluster": {"worker": ["127.0.0.1:1", "127.0.0.1:2"]}, "task": {"type": "worker", "index": 0}})


@pytest.mark.parametrize("distribute", [[], ["--distribute", "none"], ["--distribute", "mirrored"]])
def test_tf_config_without_multiworker_is_said_in_one_line(tmp_path, capsys, monkeypatch, distribute):
    monkeypatch.setenv("TF_CONFIG", TF_CONFIG)
    code, out, err = run_cli(capsys, "train", tmp_path / "missing", "--preset", "digits", "--out", tmp_path / "o",
                             *distribute)
    shown = distribute[1] if distribute else "none"
    assert code == 1 and out == ""
    first, second = err.splitlines()
    assert first == (f"petloc: warning: TF_CONFIG is set, but without --distribute multiworker this run trains on "
                     f"this machine alone (--distribute {shown}) and does not join the workers TF_CONFIG lists: add "
                     "--distribute multiworker to train with them, or unset TF_CONFIG")
    assert "dataset folder not found" in second


def test_no_tf_config_no_warning(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    code, _, err = run_cli(capsys, "train", tmp_path / "missing", "--preset", "digits", "--out", tmp_path / "o")
    assert code == 1 and "TF_CONFIG" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("tf_config", [
    "{}",
    json.dumps({"cluster": {"chief": ["localhost:2222"]}, "task": {"type": "chief", "index": 0}}),  # a managed job's
    json.dumps({"cluster": {"worker": ["localhost:2222"]}, "task": {"type": "worker", "index": 0}}),
])
def test_a_tf_config_of_no_other_worker_is_not_warned_of(tmp_path, capsys, monkeypatch, tf_config):
    """It said "does not join the workers TF_CONFIG lists" where TF_CONFIG lists none but this one."""
    monkeypatch.setenv("TF_CONFIG", tf_config)
    code, _, err = run_cli(capsys, "train", tmp_path / "missing", "--preset", "digits", "--out", tmp_path / "o")
    assert code == 1 and "TF_CONFIG" not in err and len(err.splitlines()) == 1, err


@pytest.mark.parametrize(("tf_config", "why"), [
    ("{not json", "the TF_CONFIG environment variable is not valid JSON ("),
    (json.dumps({"cluster": {"worker": ["nowhere"]}}), "TF_CONFIG's cluster.worker[0] 'nowhere' is not host:port"),
])
def test_a_tf_config_that_cannot_be_read_is_said_in_one_line(tmp_path, capsys, monkeypatch, tf_config, why):
    monkeypatch.setenv("TF_CONFIG", tf_config)
    code, _, err = run_cli(capsys, "train", tmp_path / "missing", "--preset", "digits", "--out", tmp_path / "o")
    first, second = err.splitlines()
    assert code == 1 and first.startswith(f"petloc: warning: {why}")
    assert first.endswith("; without --distribute multiworker this run trains on this machine alone "
                          "(--distribute none)")
    assert "dataset folder not found" in second
