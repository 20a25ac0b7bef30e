"""The training child's arguments cross QProcess byte for byte (`core.fs_bytes`): a path
whose name is not UTF-8 reached the child as "pets\\ufffd\\ufffd", a folder that does not exist."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.fs_bytes import FS_BYTES, crossing_args, received_args
from petloc_gui.model.train_worker import parse_args

BAD_FOLDER = os.fsdecode(b"/tmp/pets\xff\xfe")


def test_a_name_that_is_not_utf8_crosses_as_bytes_and_every_other_argument_as_it_is():
    args = ["--data", BAD_FOLDER, "--out", "/tmp/Zoë/out", "--epochs", "1", "--renamed", "kitten=Cat"]
    crossing = crossing_args(args)
    assert crossing[0] == "--data" and crossing[1].startswith(FS_BYTES)
    assert crossing[2:] == args[2:]  # readable in a process list, as before
    for arg in crossing:  # each one a QString holds whole
        arg.encode("utf-8")
    assert received_args(crossing) == args


def test_an_argument_that_begins_as_an_encoded_one_is_carried_as_it_was_given():
    looks_encoded = FS_BYTES + "ff"
    crossing = crossing_args(["--data", looks_encoded])
    assert crossing[1] != looks_encoded
    assert received_args(crossing) == ["--data", looks_encoded]


def test_the_child_parses_the_paths_the_parent_gave(tmp_path):
    out = os.fsdecode(os.fsencode(tmp_path) + b"/out\xe9")
    args = parse_args(crossing_args(["--data", BAD_FOLDER, "--preset", "digits", "--out", out,
                                     "--base", BAD_FOLDER + "/model", "--compare-with", BAD_FOLDER + "/model"]))
    assert (str(args.data), str(args.out)) == (BAD_FOLDER, out)
    assert args.base == args.compare_with == BAD_FOLDER + "/model"


def test_an_argument_marked_as_bytes_that_is_not_hexadecimal_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        parse_args(["--data", FS_BYTES + "zz", "--preset", "digits", "--out", "/tmp/out"])
    assert stopped.value.code == 2
    assert "not hexadecimal" in capsys.readouterr().err
