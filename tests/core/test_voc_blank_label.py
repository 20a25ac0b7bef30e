"""`core.voc.read_voc`: a label of nothing but characters drawn as nothing ("\\u200b", a word joiner and a
zero-width space, a soft hyphen, the Hangul filler U+3164, a lone U+FE0F) is said as a label that is missing
("no <name>": a missing_label problem in `petloc stats` and the Dataset panel), the label escaped, and kept as
written: reading changes nothing in the file.

Before: only an empty <name> was said; such a label read as a class with nothing to see, and `petloc stats`
said it by a problem of its own (now said once, from here)."""

from __future__ import annotations

import pytest

from petloc_gui.core.stats_problems import MISSING_LABEL, problem_kind
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import write_annotated

BLANK = [("\u200b", "\\u200b"), ("\u2060\u200b", "\\u2060\\u200b"), ("\xad", "\\xad"), ("\u3164", "\\u3164"),
         ("\ufe0f", "\\ufe0f"), ("\u2800", "\\u2800")]


@pytest.mark.parametrize(("blank", "shown"), BLANK, ids=[shown for _, shown in BLANK])
def test_a_label_drawn_as_nothing_is_said_as_missing_and_kept(tmp_path, blank, shown):
    write_annotated(tmp_path, "c", 40, 30, [("dog", (5, 5, 20, 20)), (blank, (1, 1, 9, 9)), ("", (2, 2, 8, 8))])
    before = (tmp_path / "c.xml").read_bytes()
    annotation = read_voc(tmp_path / "c.xml")
    assert [obj.name for obj in annotation.objects] == ["dog", blank, ""]  # as written
    assert annotation.problems == [
        f'object 2 has no <name> (label) that shows: "{shown}" holds only characters drawn as nothing (the file '
        "keeps it as written: give the box a class name)",
        "object 3 has no <name> (label)",
    ]
    assert [problem_kind(message) for message in annotation.problems] == [MISSING_LABEL, MISSING_LABEL]
    assert (tmp_path / "c.xml").read_bytes() == before


@pytest.mark.parametrize("name", ["cat", "do\u200bg", "\u2764\ufe0f", "\u200bA"])
def test_a_label_that_shows_something_is_no_problem(tmp_path, name):
    write_annotated(tmp_path, "c", 40, 30, [(name, (5, 5, 20, 20))])
    assert read_voc(tmp_path / "c.xml").problems == []
