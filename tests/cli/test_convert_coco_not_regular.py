"""`petloc convert DIR/annotations.json --from coco OUT` where the JSON is a named pipe: it said "annotations.json:
no such file or folder" (`Path.is_file` is false for a pipe), and the same pipe found in the folder given was
opened and waited on for ever. Now it is named for what it is, and never opened."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import ConversionReport, read_coco
from petloc_gui.core.interop.coco import find_coco_file
from tests.cli.helpers import assert_clean_errors, run_cli

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]  # a wait on a pipe fails the test rather than the whole run


@pytest.fixture
def pipe(tmp_path):
    folder = tmp_path / "coco"
    folder.mkdir()
    os.mkfifo(folder / "annotations.json")
    return folder / "annotations.json"


def test_convert_says_the_coco_file_given_is_a_named_pipe(pipe, tmp_path, capsys):
    code, out, err = run_cli(capsys, "convert", pipe, "--from", "coco", tmp_path / "out")
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [
        f"petloc: {pipe}: not a regular file (a named pipe): give the COCO .json file or its folder"]
    assert not (tmp_path / "out").exists()


def test_a_named_pipe_found_in_the_folder_is_refused_not_waited_on(pipe):
    assert find_coco_file(pipe.parent) == pipe  # the one .json there
    with pytest.raises(DatasetError) as refused:
        read_coco(pipe.parent, ConversionReport())
    assert str(refused.value) == f"{pipe}: cannot read: not a regular file (a named pipe)"


def test_a_missing_coco_file_is_still_said_missing(tmp_path):
    with pytest.raises(DatasetError, match="no such file or folder"):
        find_coco_file(tmp_path / "nothing.json")
