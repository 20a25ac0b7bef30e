"""A devkit's ImageSets/Main/*.txt or Oxford's annotations/list.txt, trainval.txt and test.txt that is a named
pipe, a link to /dev/zero or a file of a gigabyte: read with ``read_bytes()``, the pipe made every command that
indexes the folder (stats, train, predict, the window) wait for ever, and /dev/zero grew until memory ran out.
Now a list is read only when it is a regular file of at most `MAX_LIST_BYTES`, and the index names the list it
could not read and why, at once."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.list_lines import MAX_LIST_BYTES, read_list_lines
from petloc_gui.core.regular_file import FileTooLargeError, NotRegularFileError, read_regular_file
from tests.cli.helpers import last_json, oxford_layout, run_cli
from tests.cli.test_train_layout_test_split_said import _devkit

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]  # a wait on a pipe fails the test rather than the whole run


def _sparse(path, size: int):
    with open(path, "wb") as handle:
        handle.truncate(size)  # no disk taken, no byte written: what is read of it is the reader's
    return path


def test_a_whole_file_is_read_only_when_regular_and_within_its_cap(tmp_path):
    (tmp_path / "list.txt").write_bytes(b"a\nb\n")
    assert read_regular_file(tmp_path / "list.txt", 4) == b"a\nb\n"
    with pytest.raises(FileTooLargeError, match=r"^too large \(1 MB; at most 1 MB is read\)$"):
        read_regular_file(tmp_path / "list.txt", 3)
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(NotRegularFileError, match=r"^not a regular file \(a named pipe\)$"):
        read_regular_file(tmp_path / "pipe.txt", 4)


def test_a_list_that_is_a_pipe_a_device_or_too_large_is_refused_without_a_wait(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # endless: read whole, it took all memory
    big = _sparse(tmp_path / "big.txt", MAX_LIST_BYTES + 1)
    with pytest.raises(NotRegularFileError, match=r"a named pipe"):
        read_list_lines(tmp_path / "pipe.txt")
    with pytest.raises(NotRegularFileError, match=r"a device"):
        read_list_lines(tmp_path / "zero.txt")
    with pytest.raises(FileTooLargeError, match=r"^too large \(65 MB; at most 64 MB is read\)$"):
        read_list_lines(big)
    at_the_cap = read_list_lines(_sparse(tmp_path / "at_the_cap.txt", MAX_LIST_BYTES))  # read: one line of NULs
    assert len(at_the_cap) == 1 and at_the_cap.unread.startswith("is not UTF-8 text (line 1: NUL bytes")


def test_stats_names_an_oxford_list_that_is_a_pipe_and_one_too_large(tmp_path, capsys):
    root = oxford_layout(tmp_path / "ox", ["Abyssinian_1", "Bengal_2"], 64, 48)
    os.mkfifo(root / "annotations" / "list.txt")
    _sparse(root / "annotations" / "test.txt", 1 << 30)
    (root / "annotations" / "trainval.txt").write_text("Abyssinian_1 1 1 1\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "stats", root, "--json")
    assert code == 0, err
    report = last_json(out)
    problems = {problem["file"]: problem["message"] for problem in report["problems"]}
    assert problems == {
        str(root / "annotations" / "list.txt"): "cannot read: not a regular file (a named pipe)",
        str(root / "annotations" / "test.txt"): "cannot read: too large (1,024 MB; at most 64 MB is read)",
    }
    assert report["n_images"] == 2 and report["split_counts"] == {"trainval": 1}


def test_stats_names_a_devkit_test_list_that_is_a_pipe(tmp_path, capsys):
    root = _devkit(tmp_path / "dk", ["img1", "img2"], [])
    test = root / "ImageSets" / "Main" / "test.txt"
    test.unlink()
    os.mkfifo(test)
    code, out, err = run_cli(capsys, "stats", root, "--json")
    assert code == 0, err
    problems = [(problem["file"], problem["message"]) for problem in last_json(out)["problems"]]
    assert problems == [(str(test), "cannot read: not a regular file (a named pipe)")]
