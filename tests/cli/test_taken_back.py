"""One helper (`cli.taken_back`) finds the folders a run makes and takes back what it wrote, for `petloc
convert`, `petloc export` and `petloc train`: each had a loop of its own for the missing folders, and
convert and export each their own held removal and message."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_convert, cmd_export, cmd_train, taken_back
from petloc_gui.cli.taken_back import missing_folders, remove_empty, take_back
from petloc_gui.core.interop import unfinished, written


def test_the_missing_folders_are_the_path_and_its_missing_parents_innermost_first(tmp_path, monkeypatch):
    assert missing_folders(tmp_path / "a" / "b" / "c") == [tmp_path / "a" / "b" / "c", tmp_path / "a" / "b",
                                                           tmp_path / "a"]
    assert missing_folders(tmp_path) == []
    (tmp_path / "file").write_text("x")
    assert missing_folders(tmp_path / "file") == []
    os.symlink(tmp_path / "nowhere", tmp_path / "link")
    assert missing_folders(tmp_path / "link") == []  # a dangling link is there: not the run's
    assert missing_folders(tmp_path / "link" / "x") == [tmp_path / "link" / "x"]
    monkeypatch.chdir(tmp_path)
    assert missing_folders(Path("new") / "out") == [Path("new") / "out", Path("new")]  # relative: stops at "."


def test_only_empty_folders_are_removed_innermost_first(tmp_path):
    made = missing_folders(tmp_path / "a" / "b" / "c")
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "kept.txt").write_text("someone's")
    remove_empty(made)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a", "a/kept.txt"]


def test_what_was_removed_is_said_and_a_stop_meanwhile_waits_for_the_end(capsys, monkeypatch):
    order = []

    def remove():
        order.append("removed")
        return [Path("out/a\nb"), Path("c")]

    take_back("conversion", "convert", remove)
    assert capsys.readouterr().err == ("petloc: removed what the conversion had written (out/a\\x0ab, c): run the "
                                       "command again to convert\n")
    take_back("export", "export", list)
    assert capsys.readouterr().err == ""  # nothing removed: nothing said
    order.clear()

    @contextlib.contextmanager
    def held():
        order.append("held")
        yield
        order.append("let go")

    monkeypatch.setattr(taken_back, "held", held)
    take_back("export", "export", remove)
    assert order == ["held", "removed", "let go"]  # the removal within the held stop


@pytest.mark.parametrize(("module", "names"), [(cmd_convert, ("take_back",)),
                                               (cmd_export, ("take_back",)),
                                               (cmd_train, ("missing_folders", "remove_empty")),
                                               (written, ("missing_folders",))])
def test_the_commands_use_the_one_helper(module, names):
    for name in names:
        assert getattr(module, name) is getattr(taken_back, name)


def test_a_new_outs_folders_the_run_made_are_found_in_core(tmp_path):
    """`unfinished.OutputBefore` is told by the run's own mkdir (`Written.make_output`: `petloc convert` gives it
    none) which folders of a new OUT's path the run made (another run may make OUT between its look and the run):
    the outermost one is the one taken back."""
    out = tmp_path / "new" / "out"
    before = unfinished.OutputBefore(out, "coco")
    before.written.make_output(out)
    assert before.written.output_folders == [out, tmp_path / "new"]
    image = out / "images" / "a.png"
    before.written.folders_for(image)
    image.parent.mkdir()
    before.written.wrote(image, lambda: image.write_bytes(b"written"))
    taken = before.take_back()
    assert taken.removed and taken.folder_removed and not (tmp_path / "new").exists()
