"""`refused_class`: the one sentence every place a class is typed says (Edit → Classes… Add and Rename, the Label
box) when it refuses the name: no annotation could store it, else it looks empty, by the rules a class of
predefined_classes.txt is read by. Each place once chained both checks itself; a new place calls this one."""

from __future__ import annotations

import pytest

from petloc_gui.app.class_list import blank_note
from petloc_gui.app.unstorable_class import refused_class, unstorable_note


@pytest.mark.parametrize("typed", ["cat", "cat\u200b", "Café dog", ""])
def test_a_name_to_take_is_not_refused(typed):
    assert refused_class(typed) == ""


def test_a_name_no_annotation_can_store_is_refused_so():
    assert refused_class("do\x00g") == unstorable_note("do\x00g")
    assert refused_class("do\x00g").startswith("do\\x00g holds U+0000, a character no annotation can store")


def test_a_name_drawn_as_nothing_is_refused_so():
    assert refused_class("\u200b") == blank_note("\u200b")
    assert refused_class("\u200b").startswith("A class needs a name that shows: \\u200b holds only characters")


def test_a_name_both_unstorable_and_drawn_as_nothing_is_said_as_unstorable_first():
    # as a class of the file holding both is left unoffered as one no annotation can store
    assert refused_class("\x00\u200b") == unstorable_note("\x00\u200b") != ""
