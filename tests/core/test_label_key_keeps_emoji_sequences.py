"""`label_key` dropped every default-ignorable character, the tags of a subdivision flag and the joiners of an
emoji sequence too: England's flag and Scotland's had one key (one class to `same_class`, and `petloc train`
refused them as labels that "differ only in invisible characters"), and a family "👨\\u200d👩\\u200d👧" was the
three people "👨👩👧". Those are kept now (`core.text.part_of_emoji`, the rule `visible` shows them raw by);
a zero-width space, a non-joiner, a variation selector and the rest are still dropped."""

from __future__ import annotations

import pytest

from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.label_variants import same_class, variant_groups

ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
FAMILY = "👨\u200d👩\u200d👧"


def test_two_subdivision_flags_are_two_classes():
    assert not same_class(ENGLAND, SCOTLAND) and not same_class(ENGLAND, "🏴")
    assert variant_groups([ENGLAND, SCOTLAND, "cat"]) == []
    assert case_variant_refusal({ENGLAND: 3, SCOTLAND: 2}) == ""  # nothing to refuse


def test_an_emoji_joined_sequence_is_not_its_emoji_side_by_side():
    assert not same_class(FAMILY, "👨👩👧")
    assert not same_class("👩🏽\u200d💻", "👩🏽💻")


@pytest.mark.parametrize("first, second", [
    ("❤\ufe0f\u200d🔥", "❤\u200d🔥"),  # the emoji form's selector is dropped, the joiner kept
    (FAMILY + "\u200b", FAMILY),  # a zero-width space pasted with it
    ("cat\u200d", "cat"), ("cat\U000e0063\U000e007f", "cat"),  # a joiner or tags with no emoji are dropped
    ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u0937"),  # a conjunct's joiner is not an emoji's: dropped
])
def test_other_invisible_characters_are_still_dropped(first, second):
    assert same_class(first, second)
