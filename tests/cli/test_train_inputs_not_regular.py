"""`petloc train --exclude-list FILE` / `--backbone-weights FILE` where FILE is a named pipe or a device: the
input check said "--exclude-list file not found" of a file that is there; it now says what it is, naming the
file, before anything is opened (a pipe is never waited on) or made (`cli.cmd_train._check_inputs`)."""

from __future__ import annotations

import os

import pytest

from tests.cli.helpers import run_cli

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]


@pytest.mark.parametrize("option", ["--exclude-list", "--backbone-weights"])
def test_a_named_pipe_given_as_an_input_file_is_said_to_be_one(tmp_path, capsys, option):
    data = tmp_path / "data"
    data.mkdir()
    pipe = tmp_path / "given.txt"
    os.mkfifo(pipe)
    code, out, err = run_cli(capsys, "train", data, "--preset", "pets", "--out", tmp_path / "o", option, pipe)
    assert (code, out) == (1, "")
    assert err == f"petloc: {pipe}: {option} file is not a regular file (a named pipe)\n"
    assert not (tmp_path / "o").exists()  # refused before --out is made


def test_a_device_given_as_the_backbone_weights_is_said_to_be_one(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    code, _, err = run_cli(capsys, "train", data, "--preset", "pets", "--out", tmp_path / "o",
                           "--backbone-weights", os.devnull)
    assert code == 1
    assert err == f"petloc: {os.devnull}: --backbone-weights file is not a regular file (a device)\n"


def test_a_missing_exclude_list_is_still_said_not_found(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    code, _, err = run_cli(capsys, "train", data, "--preset", "pets", "--out", tmp_path / "o",
                           "--exclude-list", tmp_path / "none.txt")
    assert code == 1
    assert err == f"petloc: {tmp_path / 'none.txt'}: --exclude-list file not found\n"
