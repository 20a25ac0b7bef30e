"""U+2800, the Braille pattern blank, is a cell with no dot: drawn as nothing. A box labelled with it passed as a
drawn name (`petloc stats` showed a class row that looked nameless); it is drawn as nothing now, as the Hangul
fillers are, and shown as its escape, but for a blank cell between Braille words, where it is their space."""

from __future__ import annotations

import pytest

from petloc_gui.core.text import drawn_as_nothing, visible
from tests.cli.helpers import last_json, run_cli, write_annotated

BRAILLE_CAT_DOG = "\u2809\u2801\u281e\u2800\u2819\u2815\u281b"  # "cat dog" in Braille, a blank cell between


@pytest.mark.parametrize("name", ["\u2800", "\u2800\u2800", " \u2800 ", "\u2800\u200b"])
def test_blank_cells_alone_are_drawn_as_nothing(name):
    assert drawn_as_nothing(name)


@pytest.mark.parametrize("name", [BRAILLE_CAT_DOG, "cat\u2800", "\u2801"])
def test_a_name_with_something_drawn_is_not(name):
    assert not drawn_as_nothing(name)


def test_a_blank_cell_is_shown_as_its_escape_but_between_braille_words():
    assert visible("\u2800") == "\\u2800"
    assert visible("cat\u2800") == "cat\\u2800"
    assert visible(BRAILLE_CAT_DOG) == BRAILLE_CAT_DOG


def test_stats_says_a_blank_cell_label_is_missing(tmp_path, capsys):
    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(tmp_path, "b", 40, 30, [("\u2800", (5, 5, 20, 20))])
    code, out, _ = run_cli(capsys, "stats", tmp_path, "--json")
    report = last_json(out)
    assert code == 0
    assert report["class_counts"] == {"cat": 1}
    assert report["problem_counts"] == {"missing_label": 1}
