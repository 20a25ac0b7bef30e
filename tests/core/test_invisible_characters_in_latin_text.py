"""`visible` kept a zero-width space raw wherever the characters on both sides were drawn, ASCII included, and a
variation selector after any letter beyond ASCII: "ca\\u200bt", "photo\\u200b.jpg", "café\\ufe0f" and
"кот\\ufe0f" were printed as "cat", "photo.jpg", "café" and "кот", and a message quoting a name
('"cat\\u200b" (3 boxes)': the quote counts as drawn) kept it too. A zero-width space is now kept raw only between
letters of a script written without spaces, a joiner only between letters of a script that joins, an emoji's
joiner and a flag's tags only in the emoji (`part_of_emoji`), and a variation selector only after a symbol or an
ideograph: never in Latin or Cyrillic text. Thai, Hindi, Persian, emoji and CJK text is shown as it was."""

from __future__ import annotations

import pytest

from petloc_gui.core.text import part_of_emoji, visible

ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize("name, shown", [
    ("ca\u200bt", "ca\\u200bt"),
    ("photo\u200b.jpg", "photo\\u200b.jpg"),
    ("1\u200b2", "1\\u200b2"),
    ("ко\u200bт", "ко\\u200bт"),
    ("caf\u00e9\ufe0f", "caf\u00e9\\ufe0f"),
    ("кот\ufe0f", "кот\\ufe0f"),
    ("cat\ufe0e", "cat\\ufe0e"),
    ("ab\U000e0100", "ab\\U000e0100"),  # an ideographic variation selector after a Latin letter
    ("\u00e9\u200c\u00e9", "\u00e9\\u200c\u00e9"),  # a non-joiner in Latin text
    ("猫\u200d犬", "猫\\u200d犬"),  # ideographs do not join
    ("\u00e9\u034f", "\u00e9\\u034f"),  # a grapheme joiner with no mark after it
    ("❤\U000e0063", "❤\\U000e0063"),  # a tag out of a flag
    ("🏴\U000e0067\U000e0062", "🏴\\U000e0067\\U000e0062"),  # tags with no cancel tag: no flag
])
def test_an_invisible_character_in_latin_or_cyrillic_text_is_escaped(name, shown):
    assert visible(name) == shown


def test_a_quoted_name_in_a_message_is_escaped_whatever_stands_beside_it():
    assert visible('labels "cat\u200b" (3 boxes) and "cat" (1 box)') == \
        'labels "cat\\u200b" (3 boxes) and "cat" (1 box)'
    assert visible("\u0e2a\u0e27\u0e31\u0e2a\u200b\u0e14\u0e35 and ca\u200bt") == \
        "\u0e2a\u0e27\u0e31\u0e2a\u200b\u0e14\u0e35 and ca\\u200bt"  # decided character by character


@pytest.mark.parametrize("name", [
    "\u0e2a\u0e27\u0e31\u0e2a\u200b\u0e14\u0e35",  # Thai: a word break
    "\u0e81\u0eb2\u200b\u0e99",  # Lao
    "\u1780\u17d2\u200b\u1798",  # Khmer, after a mark
    "\u7f8e\u3057\u3044\u200b\u732b",  # Japanese
    "\u0915\u094d\u200d\u0937",  # a Devanagari conjunct
    "\u0645\u06cc\u200c\u0634\u0648\u062f",  # a Persian non-joiner
    "👨\u200d👩\u200d👧", "❤\ufe0f\u200d🔥", "👩🏽\u200d💻", "🏳\ufe0f\u200d🌈",  # emoji sequences
    "❤\ufe0f", "☺\ufe0e", "‼\ufe0f", "∑\ufe00",  # symbols in their emoji or text form, a math variant
    "1\ufe0f\u20e3", "#\ufe0f\u20e3",  # keycaps
    "\u845b\U000e0100",  # an ideographic variation sequence
    "\u1820\u180b",  # a Mongolian letter in a variant form
    "u\u034f\u0308",  # a grapheme joiner before a mark
    ENGLAND,
])
def test_ordinary_text_keeps_its_invisible_characters_raw(name):
    assert visible(name) == name


def test_part_of_emoji_is_a_joiner_between_emoji_or_a_flag_s_tags():
    family = "👨\u200d👩\u200d👧"
    assert part_of_emoji(family, 1) and part_of_emoji(family, 3)
    assert all(part_of_emoji(ENGLAND, at) for at in range(1, len(ENGLAND)))
    assert not part_of_emoji("a\u200db", 1) and not part_of_emoji("\u200d👩", 0)
    assert not part_of_emoji("\u0915\u094d\u200d\u0937", 2)  # a conjunct's joiner is its script's, not an emoji's
    assert not part_of_emoji("cat\U000e0063\U000e007f", 3)
