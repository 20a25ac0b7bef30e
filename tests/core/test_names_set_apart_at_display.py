"""A record holds plain text (`core.text.without_isolates`); a display sets the right-to-left names in it apart
(`core.text.names_set_apart`), once, whether the record is plain or an older one that held the isolates."""

from __future__ import annotations

from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.core.text import isolated, names_set_apart, visible_but_isolated, without_isolates

HEBREW = "\u05de\u05d5\u05d3\u05dc"  # "model"
NAME = f"model {HEBREW} (v-7)"
PLAIN = f"all 4 scored validation images have boxes accepted unchanged from {NAME}: figures on them measure agreement"
OLDER = PLAIN.replace(NAME, isolated(NAME))  # as records held it before: the isolates stored


def test_a_known_name_is_set_apart_whole_once():
    for record in (PLAIN, OLDER):
        shown = names_set_apart(record, [NAME])
        assert shown == OLDER
        assert shown.count(FSI) == shown.count(PDI) == 1


def test_an_unknown_name_s_right_to_left_run_is_set_apart_once():
    shown = names_set_apart(PLAIN)
    assert shown == PLAIN.replace(HEBREW, isolated(HEBREW))
    assert shown.count(FSI) == shown.count(PDI) == 1
    assert visible_but_isolated(shown) == shown  # kept where `error`'s names_isolated shows it


def test_an_older_record_s_names_stay_set_apart_whole_once():
    assert names_set_apart(OLDER) == OLDER


def test_a_run_ends_at_its_last_right_to_left_letter_and_at_a_left_to_right_one():
    text = f"from {HEBREW} 2, which {HEBREW}: and {HEBREW}"
    assert names_set_apart(text) == (f"from {isolated(HEBREW)} 2, which {isolated(HEBREW)}: and "
                                     f"{isolated(HEBREW)}")
    assert names_set_apart(f"from {HEBREW} {HEBREW}.") == f"from {isolated(f'{HEBREW} {HEBREW}')}."


def test_english_text_and_its_names_are_left_as_they_are():
    text = "2 of the 4 images have boxes accepted unchanged from model tiny (t-1)"
    assert names_set_apart(text, ["model tiny (t-1)"]) == text
    assert without_isolates(text) == text


def test_a_record_is_made_plain_but_a_pair_isolated_could_not_make_is_kept():
    assert without_isolates(OLDER) == PLAIN
    stray = f"{FSI}tiny{PDI}"  # around an English word: not `isolated`'s
    assert without_isolates(stray) == stray
