"""`petloc train` says what kept the folder's test list from being read whole, and the lines on its entries, in the
words the window's run says them (`LayoutTestHoldout.notices`).

Before: a test list that was not UTF-8 (a Latin-1 "café"), whose lines matched no image, that was a named pipe or
held more than 64 MB was warned of by the window's run and its Retrain dialog, while `petloc train` said nothing:
the images it could not name were trained on as ever, with no word. The command still only warns: it holds out
what --exclude-list names, as documented.
"""

from __future__ import annotations

import os

from petloc_gui.cli import cmd_train
from petloc_gui.cli.output import CommandError
from petloc_gui.core import list_lines
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.helpers import run_cli
from tests.cli.test_train_layout_test_split_said import IDS, _devkit, _said


def _window_says(root) -> list[str]:
    """What the window's run says of the list, with its held-out line (which `petloc train` has not) left out."""
    held = layout_test_holdout(root)
    return [line for line in held.notices() if line != held.notice()]


def _lines(err: str) -> list[str]:
    return [line.removeprefix("petloc: ") for line in err.splitlines()]


def test_a_list_not_utf8_is_warned_of_in_the_window_s_words(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "test.txt").write_bytes("c\ncaf\xe9\n".encode("latin-1"))
    _said(root)
    lines = _lines(capsys.readouterr().err)
    problem = ("warning: the folder's test list (ImageSets/Main/test.txt) is not UTF-8 text (line 2): an entry there "
               "names no image and that image is trained on; save the list as UTF-8")
    assert lines[0] == problem, lines
    assert lines[1].startswith("the folder's ImageSets/Main/test.txt lists 1 test image; this run trains or validates "
                               "on it: hold it out with --exclude-list")  # it only warns: nothing held out
    assert [lines[0], *lines[2:]] == _window_says(root)


def test_lines_matching_no_image_are_said_as_the_window_says_them(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, [])
    (root / "ImageSets" / "Main" / "test.txt").write_text("".join(f"gone_{n}\n" for n in range(7)), encoding="utf-8")
    _said(root)
    lines = _lines(capsys.readouterr().err)
    assert lines == _window_says(root)
    assert lines[0] == f"ImageSets/Main/test.txt: 'gone_0' matches no image in {root}; ignored"
    assert lines[-1] == "ImageSets/Main/test.txt: 2 more lines on its entries not shown" and len(lines) == 6


def test_a_named_pipe_is_said_and_never_waited_on(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.unlink()
    os.mkfifo(listing)
    _said(root)
    lines = _lines(capsys.readouterr().err)
    # the index's problem line (`read_folder`, as `petloc stats` names it), then what it means for the test split
    assert lines[0] == f"{listing}: cannot read: not a regular file (a named pipe)"
    assert lines[1:] == [
        "warning: the folder's test list (ImageSets/Main/test.txt) is not a regular file (a named pipe): this run "
        "holds none of it out, so no figure on its images is a test figure"] == _window_says(root)


def test_a_list_too_large_is_said(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    os.truncate(listing, list_lines.MAX_LIST_BYTES + 1)  # sparse: nothing written
    _said(root)
    lines = _lines(capsys.readouterr().err)
    assert lines[0] == f"{listing}: cannot read: too large (65 MB; at most 64 MB is read)"  # the index's
    assert lines[1:] == _window_says(root)
    assert lines[1:] == ["warning: the folder's test list (ImageSets/Main/test.txt) is too large (65 MB; at most 64 MB "
                         "is read): this run holds none of it out, so no figure on its images is a test figure"]


def test_petloc_train_says_it_before_tensorflow_loads_and_still_holds_nothing_out(tmp_path, capsys, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "test.txt").write_bytes("c\nday/g\ncaf\xe9\n".encode("latin-1"))

    def stop_here():
        raise CommandError("stopped before TensorFlow loads")

    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)
    code, _, err = run_cli(capsys, "train", root, "--preset", "photo", "--out", tmp_path / "models")
    assert code != 0 and "stopped before TensorFlow loads" in err
    assert "warning: the folder's test list (ImageSets/Main/test.txt) is not UTF-8 text (line 3)" in err
    assert "lists 2 test images; this run trains or validates on them" in err


def test_the_test_list_given_as_exclude_list_is_not_said_twice(tmp_path, capsys):
    # its read as --exclude-list warned of it already (`cli.exclude_list`), and held it all out
    from petloc_gui.cli.train_checks import check_classes, read_folder, warn_layout_test_split
    from petloc_gui.core.dataset import open_dataset

    root = _devkit(tmp_path / "voc", IDS, ["c"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes("c\nnot_here\ncaf\xe9\n".encode("latin-1"))
    folder, _ = read_folder(root, "default", [str(root / "JPEGImages" / "c.jpg")])
    trained = check_classes(folder)
    warn_layout_test_split(open_dataset(root), trained, exclude_list=listing)
    assert capsys.readouterr().err == ""
    warn_layout_test_split(open_dataset(root), trained, exclude_list=tmp_path / "other.txt")
    assert "is not UTF-8 text (line 3)" in capsys.readouterr().err
