"""`isolated` sets a name apart for a sentence: FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE around what `visible`
makes of it, so an isolate or override the name holds itself is an escape, and cannot end the isolation early; a
name that cannot reorder an English sentence is left as it is."""

from petloc_gui.core.text import isolated

HEBREW = "תמונה"


def test_a_name_is_wrapped_in_one_pair_of_isolates():
    name = f"{HEBREW} 2.png"
    assert isolated(name) == f"\u2068{name}\u2069"


def test_the_names_own_bidi_characters_are_escaped_inside():
    assert isolated(f"{HEBREW}\u2069b\u202egpj.exe") == f"\u2068{HEBREW}\\u2069b\\u202egpj.exe\u2069"


def test_a_name_that_cannot_reorder_a_sentence_is_left_as_it_is():
    # no right-to-left letter or Arabic digit: the isolates would only make the line taller (a fallback font)
    assert isolated("cat 2.png") == "cat 2.png"
    assert isolated("a\u202eb") == "a\\u202eb"  # made visible all the same
    assert isolated("x\u0661.png").startswith("\u2068")  # an Arabic-Indic digit reorders
