"""`ListedLines.problems` follows from `ListedLines.unread`, the one thing stored: a held-out list's problem line is
what kept it from being read whole, with what a held-out list loses by it.

Before: both were stored, each caller passing the two (`[]` and "", or the line and its start), so a list made with
only ``unread`` (as a reader with another use of the list sets it) said no problem to `petloc train`."""

from __future__ import annotations

import pytest

from petloc_gui.core.list_lines import ListedLines, read_list_lines

_UNREAD = "is not UTF-8 text (line 2)"


def test_a_list_made_with_its_unread_part_says_the_problem():
    lines = ListedLines(["a.jpg"], [1], unread=_UNREAD)
    assert lines.problems == (f"{_UNREAD}: an entry there names no image and that image is trained on; save the "
                              "list as UTF-8",)
    lines.unread = ""  # read whole after all: nothing to say, as nothing is stored beside it
    assert lines.problems == ()


def test_a_list_read_whole_says_none():
    assert ListedLines(["a.jpg"], [1]).problems == () == ListedLines([], []).problems


def test_no_problem_can_be_passed_beside_unread_to_disagree_with_it():
    with pytest.raises(TypeError):
        ListedLines([], [], ["is not UTF-8 text (line 1): ..."])  # type: ignore[call-arg]


def test_read_list_lines_says_it_through_unread(tmp_path):
    listing = tmp_path / "test.txt"
    listing.write_bytes("img1\ncaf\u00e9\n".encode("latin-1"))
    lines = read_list_lines(listing)
    assert lines.unread == _UNREAD and lines.problems == (
        f"{_UNREAD}: an entry there names no image and that image is trained on; save the list as UTF-8",)
