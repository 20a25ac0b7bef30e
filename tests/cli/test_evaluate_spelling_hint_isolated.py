"""`petloc evaluate`'s hint on unknown labels that are a class of the model spelled another way
(`cli.evaluate_labels.spelling_hint`) quoted each name `visible` only: it ends the line naming the unknown labels,
printed with its names isolated (`cli.cmd_evaluate`), where a Hebrew or Arabic name took the line's direction and
moved the quotes and words around it in a terminal that lays out bidi text. Each name is set apart within its
quotes now (`core.label_variants.shown_apart`'s ``set_apart``); an isolate a name holds itself is still an escape,
an English name is as it was, and the window's and `petloc stats`' words (``set_apart`` not asked) are too."""

from __future__ import annotations

from petloc_gui.cli.evaluate_labels import spelling_hint
from petloc_gui.cli.output import one_line
from petloc_gui.core.label_variants import shown_apart
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI

BLACK_CAT = "חתול שחור"  # "black cat", a class of the model; typed with two spaces in the folder
TYPED = "חתול  שחור"
SHOWN = "חתול␣␣שחור"  # as `core.label_variants.shown` tells its spacing apart
SPELLED = ("spelled another way (case, spacing or Unicode form): give the boxes the model's spelling to have them "
           "scored (the window's Edit → Classes…, Ctrl+L, renames a class on every box of the folder)")


def test_a_hebrew_label_and_the_model_s_spelling_are_set_apart_on_stderr():
    hint = spelling_hint([TYPED, "star"], [BLACK_CAT, "cat"])
    expected = f'"{FSI}{SHOWN}{PDI}" is the model\'s class "{FSI}{BLACK_CAT}{PDI}" {SPELLED}'
    assert hint == expected
    # as `petloc evaluate` prints the line it ends: the isolates kept
    assert one_line(f"labels the model does not know: star (1); {hint}", names_isolated=True).endswith(expected)


def test_a_label_s_own_isolate_stays_an_escape_and_english_names_are_as_they_were():
    stray = "כוכב\u2069 ים"  # "sea star", holding a stray PDI of its own
    hint = spelling_hint([stray.replace(" ", "  "), "CAT"], [stray, "cat"])
    line = one_line(hint, names_isolated=True)
    assert line.startswith(f'"CAT" and "{FSI}כוכב\\u2069␣␣ים{PDI}" are the model\'s classes "cat" and '
                           f'"{FSI}כוכב\\u2069 ים{PDI}" {SPELLED[:16]}')


def test_the_window_s_and_stats_words_are_as_they_were():
    assert shown_apart(TYPED, [BLACK_CAT]) == f'"{SHOWN}"'
    assert shown_apart("e\u0301te\u0301", ["\u00e9t\u00e9"]) == '"e\u0301te\u0301" (decomposed)'
    assert shown_apart("e\u0301te\u0301", ["\u00e9t\u00e9"], set_apart=True) == '"e\u0301te\u0301" (decomposed)'
