"""A rename whose new name is drawn as nothing ("\u200b", a lone soft hyphen) is refused as an empty one.
Before: `new.strip()` let it through, `petloc train --renamed '\u200b=cat'` trained and wrote a version whose
meta.json `meta_required` refuses (a class that is no label), on every load."""

from __future__ import annotations

import pytest

from petloc_gui.model.class_renames import parse_renamed, rename_problem

PARENT = ["cat", "dog"]


@pytest.mark.parametrize("new", ["\u200b", "\u00ad", " \u200b "])
def test_a_new_name_drawn_as_nothing_is_refused_on_the_command_line(new):
    with pytest.raises(ValueError, match="is not NEW=OLD"):
        parse_renamed([f"{new}=cat"])


@pytest.mark.parametrize("new", ["\u200b", "\u00ad"])
def test_a_new_name_drawn_as_nothing_is_refused_as_an_empty_one(new):
    assert rename_problem({new: "cat"}, PARENT, {}) == "a class name cannot be empty"
    assert rename_problem({"": "cat"}, PARENT, {}) == "a class name cannot be empty"


def test_a_name_with_something_drawn_is_still_a_rename():
    assert parse_renamed(["\u200bkitten=cat"]) == {"\u200bkitten": "cat"}
    assert rename_problem({"kitten": "cat"}, PARENT, {}) is None
