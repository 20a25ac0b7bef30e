"""`visible` escapes a byte order mark (U+FEFF): drawn as nothing, a class "\\ufeffcat" (the first line of a
class list Notepad saved "with BOM", taken into a box's label) read as "cat" beside the real "cat", two
classes shown as one name twice. Names without one are shown as before, joiners included."""

from __future__ import annotations

import pytest

from petloc_gui.core.text import isolated, printable, visible


def test_a_byte_order_mark_in_a_name_is_shown_as_an_escape():
    assert visible("\ufeffcat") == "\\ufeffcat"
    assert visible("ca\ufefft") == "ca\\ufefft"
    assert printable("\ufeffcat") == "\\ufeffcat"
    assert isolated("\ufeffcat") == "\\ufeffcat"


@pytest.mark.parametrize("name", ["cat", "Café", "猫と犬", "क्‍ष",  # a Devanagari conjunct with a zero width joiner
                                  "👩‍💻", "สวัส\u200bดี", "כלב", "dog 2"])
def test_names_without_one_are_shown_as_they_are(name):
    assert visible(name) == name


def test_a_zero_width_space_between_latin_letters_is_no_word_break_and_is_escaped():
    assert visible("ab\u200bcd") == "ab\\u200bcd"  # was shown raw: "abcd" with an invisible character in it
