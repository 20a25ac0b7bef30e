"""A folder's test list that is a named pipe or over the lists' 64 MB cap, as the window's run (and the Retrain
dialog, from the same problems) says it: read_regular_file's own reason, not nested inside "cannot be read (...)"
("cannot be read (not a regular file (a named pipe))" before), and never waited on."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.list_lines import MAX_LIST_BYTES
from petloc_gui.model.window_holdout import window_holdout
from tests.model.devkit_test_lists import devkit_listing_c_and_g

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(30)]

HELD_NONE = "this run holds none of it out, so no figure on its images is a test figure"


def test_a_test_list_that_is_a_named_pipe_is_said_to_be_one(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.unlink()
    os.mkfifo(listing)
    held = window_holdout(root)
    assert held.exclude == []
    assert held.notices == [f"warning: the folder's test list (ImageSets/Main/test.txt) is not a regular file (a "
                            f"named pipe): {HELD_NONE}"]


def test_a_test_list_too_large_is_said_to_be_so(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    with open(root / "ImageSets" / "Main" / "test.txt", "wb") as handle:
        handle.truncate(MAX_LIST_BYTES + 1)  # sparse: no 64 MB written
    held = window_holdout(root)
    assert held.exclude == []
    assert held.notices == [f"warning: the folder's test list (ImageSets/Main/test.txt) is too large (65 MB; at most "
                            f"64 MB is read): {HELD_NONE}"]
