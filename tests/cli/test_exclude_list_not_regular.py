"""`petloc train --exclude-list FILE` where FILE is a named pipe or too large: read with ``read_bytes()`` it was
waited on for ever, or grew until memory ran out; refused now with a line naming the file and why
(`cli.exclude_list.resolve_exclude_list`)."""

from __future__ import annotations

import os

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.output import CommandError
from petloc_gui.core.list_lines import MAX_LIST_BYTES
from tests.cli.helpers import write_annotated

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (1, 1, 20, 20))])
    return folder


def test_an_exclude_list_that_is_a_named_pipe_is_refused_naming_it(data, tmp_path):
    listing = tmp_path / "held_out.txt"
    os.mkfifo(listing)
    with pytest.raises(CommandError) as refused:
        resolve_exclude_list(data, listing)
    assert str(refused.value) == f"{listing}: --exclude-list file is not a regular file (a named pipe)"


def test_an_exclude_list_too_large_is_refused_naming_it(data, tmp_path):
    listing = tmp_path / "held_out.txt"
    with open(listing, "wb") as handle:
        handle.truncate(MAX_LIST_BYTES + 1)
    with pytest.raises(CommandError) as refused:
        resolve_exclude_list(data, listing)
    assert str(refused.value) == f"{listing}: --exclude-list file is too large (65 MB; at most 64 MB is read)"


def test_an_exclude_list_of_one_line_holds_its_image_out(data, tmp_path):
    listing = tmp_path / "held_out.txt"
    listing.write_text("a.png\n", encoding="utf-8")
    assert resolve_exclude_list(data, listing) == [str(data / "a.png")]
