"""A class name made only of characters drawn as nothing (two Hangul fillers, U+3164 and U+115F, default-ignorable
letters a Korean input method types; a zero-width space) had the empty `label_key`, so any two such names were one
class spelled two ways: `petloc train` refused a dataset holding both as case variants, `petloc stats` grouped them,
and the Label box offered one for the other, though each shows as another escape ("\\u3164", "\\u115f"). Such a name
is now keyed as written (`label_variants._drawn_only`): two of them are two classes, and one typed with spaces around
it is still the same one; a name with a letter keeps its rule ("cat\\u200b" is "cat")."""

from __future__ import annotations

import pytest

from petloc_gui.core.label_variants import differences, label_key, same_class, spelled_as, variant_groups
from petloc_gui.core.text import visible

BLANK = ["\u3164", "\u115f", "\u200b", "\u3164\u3164", "\u3164\u200b", "\ufeff"]


@pytest.mark.parametrize("first", BLANK)
@pytest.mark.parametrize("second", BLANK)
def test_two_blank_names_are_one_class_only_when_they_are_one_name(first, second):
    assert visible(first) != first  # each shown escaped: a message tells them apart
    assert same_class(first, second) == (first == second)
    assert label_key(first) != ""


def test_blank_names_make_no_variant_group_and_are_no_spelling_of_another():
    assert variant_groups([*BLANK, "cat"]) == []
    assert spelled_as("\u115f", ["\u3164", "cat"]) is None


def test_a_blank_name_with_spaces_around_it_is_that_name_spelled_with_spacing():
    assert same_class(" \u3164", "\u3164") and not same_class(" \u3164", "\u115f")
    assert variant_groups([" \u3164", "\u3164"]) == [[" \u3164", "\u3164"]]
    assert differences([[" \u3164", "\u3164"]]) == "spacing"


def test_a_name_with_a_letter_still_drops_its_invisible_characters():
    assert label_key("cat\u3164") == label_key("\u115fcat") == "cat"
    assert same_class("Cat\u200b", "cat")
