"""`save_texts._apart`: a name with a right-to-left letter is set apart (a left-to-right mark, then the isolates
`core.text.isolated` puts around it, around the shown form); any other name is left as it is shown."""

from __future__ import annotations

from petloc_gui.core.text import FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE
from petloc_gui.ui.review.save_texts import LEFT_TO_RIGHT_MARK, _apart


def test_a_hebrew_name_is_set_apart_around_its_shown_form():
    name = "תמונה 2.png"
    assert _apart("תמונה…png", name) == f"{LEFT_TO_RIGHT_MARK}{FIRST_STRONG_ISOLATE}תמונה…png{POP_DIRECTIONAL_ISOLATE}"


def test_a_latin_name_is_left_as_shown():
    assert _apart("photo…png", "photo 2.png") == "photo…png"
    assert _apart("a\\x0ab.png", "a\\x0ab.png") == "a\\x0ab.png"  # an escape is no reason to set it apart
