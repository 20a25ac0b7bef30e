"""A predefined_classes.txt `app.class_list` refuses to read (a named pipe, over 64 MB: `ClassFileUnreadError`)
offers no class; `petloc stats` and `petloc train` said nothing of it, so a folder's classes file that was
a pipe, or grew past the cap, looked like a file of no classes. Both now warn of it on stderr in the window's
words (`read_classes`' note, its status line's), stdout (``--json``) as without the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.app.class_list import CLASSES_FILE, MAX_CLASS_FILE_BYTES, ClassNames, read_classes
from petloc_gui.cli.train_checks import check_classes
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import run_cli, write_annotated

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(30)]

PIPE_WARNING = (f"petloc: warning: {CLASSES_FILE} is not a regular file (a named pipe): none of its classes are "
                "offered, and it is not changed")


def _folder(tmp_path) -> Path:
    folder = tmp_path / "pets"
    folder.mkdir()
    for n in range(2):
        write_annotated(folder, f"img{n}", 40, 30, [("cat", (5, 5, 15, 15))])
    return folder


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CLASSES_FILE in line]


def test_stats_warns_of_a_class_file_that_is_a_named_pipe_in_the_windows_words(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, without_file, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0 and _warnings(err) == []
    os.mkfifo(folder / CLASSES_FILE)
    code, out, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0
    assert _warnings(err) == [PIPE_WARNING]
    window = read_classes(folder)  # what the window's status line says of it
    assert isinstance(window, ClassNames) and [f"petloc: warning: {note}" for note in window.notes] == [PIPE_WARNING]
    assert out == without_file  # stdout as of a folder with no classes file


def test_stats_warns_of_a_class_file_too_large_to_read(tmp_path, capsys):
    folder = _folder(tmp_path)
    with open(folder / CLASSES_FILE, "wb") as handle:
        handle.truncate(MAX_CLASS_FILE_BYTES + 1)  # sparse: no 64 MB written
    code, _, err = run_cli(capsys, "stats", folder)
    assert code == 0
    assert _warnings(err) == [f"petloc: warning: {CLASSES_FILE} is too large (65 MB; at most 64 MB is read): none "
                              "of its classes are offered, and it is not changed"]


def test_train_warns_of_a_class_file_that_is_a_named_pipe(tmp_path, capsys):
    folder = _folder(tmp_path)
    os.mkfifo(folder / CLASSES_FILE)
    check_classes(collect_folder(folder, labels_only=True))
    assert capsys.readouterr().err.splitlines() == [PIPE_WARNING]
