"""One rule for a class name as typed: the Label box (`label_box`), Edit → Classes (`class_list_dialog`) and the
case-variant key (`core.label_variants`) each had a copy of it, which could drift apart: "bengal\\u00a0cat"
typed in one place would then be another class than in the other."""

from __future__ import annotations

import pytest

from petloc_gui.core import label_variants
from petloc_gui.core.text import tidy_name


@pytest.mark.parametrize(("typed", "tidied"), [
    ("  bengal   cat ", "bengal cat"),  # runs of spaces, and those around it
    ("bengal\tcat\n", "bengal cat"),  # a tab, a newline pasted in
    ("bengal\u00a0cat", "bengal cat"),  # a no-break space (a word processor's)
    ("bengal\u3000cat", "bengal cat"),  # an ideographic space (an East Asian input method's)
    ("bengal\u2009\u200acat", "bengal cat"),  # thin and hair spaces: one run
    ("bengal\u200bcat", "bengal\u200bcat"),  # a zero-width space is no whitespace to Python: kept
    (" \t\u00a0", ""),  # nothing but spaces: no name
    ("Bengal", "Bengal"),  # case and letters as typed
])
def test_whitespace_runs_are_one_space_none_around(typed, tidied):
    assert tidy_name(typed) == tidied


def test_the_case_variant_key_spaces_names_so():
    assert label_variants.label_key("Bengal\u00a0\t Cat ") == "bengal cat" == label_variants.label_key("bengal cat")
