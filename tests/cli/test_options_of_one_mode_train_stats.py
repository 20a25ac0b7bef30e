"""`petloc train --worker-timeout` without `--distribute multiworker`, and `petloc stats --overwrite`
without `--plot`, were ignored (exit 0, as if they had bounded or replaced something): a bad command
line now (exit 2, one line naming the option and the mode it is for), as `convert`'s options of one
direction are."""

from __future__ import annotations

import pytest

from tests.cli.helpers import run_cli


@pytest.mark.parametrize("distribute", [[], ["--distribute", "none"], ["--distribute", "mirrored"]])
def test_worker_timeout_outside_multiworker_is_refused(distribute, tmp_path, capsys):
    (tmp_path / "data").mkdir()
    code, stdout, err = run_cli(capsys, "train", tmp_path / "data", "--preset", "digits", "--out",
                                tmp_path / "out", "--worker-timeout", "5", *distribute)
    lines = err.splitlines()
    assert code == 2 and stdout == "" and len(lines) == 1, err
    assert lines[0].startswith("petloc: --worker-timeout is for --distribute multiworker (")
    assert not (tmp_path / "out").exists()


def test_overwrite_without_plot_is_refused(tmp_path, capsys):
    (tmp_path / "data").mkdir()
    code, stdout, err = run_cli(capsys, "stats", tmp_path / "data", "--overwrite")
    lines = err.splitlines()
    assert code == 2 and stdout == "" and len(lines) == 1, err
    assert lines[0].startswith("petloc: --overwrite is for --plot (")


def test_the_default_worker_timeout_is_kept(tmp_path, capsys, monkeypatch):
    """Not given, --worker-timeout still bounds a multiworker wait by its documented default."""
    from petloc_gui.cli import cmd_train, train_distribution
    from petloc_gui.cli.main import build_parser

    args = build_parser().parse_args(["train", str(tmp_path), "--preset", "digits"])
    monkeypatch.setattr(cmd_train, "_train", lambda args, in_store, made: 0)
    monkeypatch.setattr(cmd_train, "missing_folders", lambda out: [])
    args.out = tmp_path / "out"
    assert cmd_train.run(args) == 0
    assert args.worker_timeout == train_distribution.WORKER_TIMEOUT == 300
