"""`petloc stats`: a label of nothing but characters drawn as nothing ("\\u200b", a word joiner and a zero-width
space, a soft hyphen, the Hangul filler U+3164) is no class, as an empty <name> is none: a missing_label problem
naming the object and the label escaped, the box counted without a label, the file unchanged.

Before: each was a class of its own, a row of the class balance that looked nameless."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import MISSING_LABEL, compute_stats
from tests.cli.helpers import last_json, run_cli, write_annotated

BLANK = [("\u200b", "\\u200b"), ("\u2060\u200b", "\\u2060\\u200b"), ("\xad", "\\xad"), ("\u3164", "\\u3164"),
         ("\ufe0f", "\\ufe0f"), ("\u2800", "\\u2800")]


def _dataset(tmp_path, blank):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "b", 40, 30, [(blank, (5, 5, 20, 20))])
    write_annotated(folder, "c", 40, 30, [("dog", (5, 5, 20, 20)), (blank, (1, 1, 9, 9))])
    return folder


@pytest.mark.parametrize(("blank", "shown"), BLANK, ids=[shown for _, shown in BLANK])
def test_a_label_drawn_as_nothing_is_in_no_class_count_and_is_said(tmp_path, blank, shown):
    folder = _dataset(tmp_path, blank)
    before = (folder / "c.xml").read_bytes()
    stats = compute_stats(open_dataset(folder))
    assert stats.class_counts == {"cat": 1, "dog": 1}
    assert stats.first_object_class_counts == {"cat": 1, "dog": 1}  # as training leaves out a nameless first box
    assert stats.n_objects == 4 and stats.n_unlabelled == 2
    said = [(problem.kind, problem.path, problem.message) for problem in stats.problems]
    assert said == [(MISSING_LABEL, str(folder / name), (
        f'object {index} has no <name> (label) that shows: "{shown}" holds only characters drawn as nothing '
        "(the file keeps it as written: give the box a class name)"))
        for name, index in (("b.xml", 1), ("c.xml", 2))]
    assert (folder / "c.xml").read_bytes() == before


def test_the_json_report_counts_it_as_a_missing_label(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "stats", _dataset(tmp_path, "\u200b"), "--json")
    report = last_json(out)
    assert code == 0
    assert report["class_counts"] == {"cat": 1, "dog": 1}
    assert report["problem_counts"] == {"missing_label": 2}


def test_a_label_that_shows_something_is_a_class_as_before(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("\u2764\ufe0f", (5, 5, 20, 20))])
    stats = compute_stats(open_dataset(folder))
    assert stats.class_counts == {"\u2764\ufe0f": 1} and stats.problems == []
