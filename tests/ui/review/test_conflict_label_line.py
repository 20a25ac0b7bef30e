"""The conflict question's line on a label alone differing (`save_texts.what_differs`). A class in two Unicode
forms (a composed "é" here, a decomposed one written by a macOS tool) read "Only the label differs: yours Café,
theirs Café.", the two drawn alike; it now says they are the same name in another Unicode form, which is which.
Two long class names went in whole: 200-character names made an 840-character line, the question grew to the
screen's width and both names were cut at its right edge. They are elided in their middle now, as the other save
texts elide names (the file holds them whole); two that differ only in their middle, and read alike so, are cut
around their difference."""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review.save_texts import NAME_CHARS, what_differs

BOX = Box(10, 10, 50, 50)


def _version(name: str) -> SimpleNamespace:
    """One box named ``name``, not verified: a version of the image as `what_differs` reads it."""
    return SimpleNamespace(objects=[SimpleNamespace(name=name, box=BOX)], verified=False)


def test_the_same_class_in_another_unicode_form_is_said_so():
    composed, decomposed = unicodedata.normalize("NFC", "Café"), unicodedata.normalize("NFD", "Café")
    said = what_differs(_version(composed), _version(decomposed))
    assert said == ("Only the label differs: Café, the same name in another Unicode form "
                    "(NFC in yours, NFD in theirs).")
    said = what_differs(_version(decomposed), _version(composed))
    assert said.endswith("(NFD in yours, NFC in theirs).")


def test_long_names_are_elided_keeping_their_start_and_end():
    yours, theirs = "x" * 199 + "1", "y" * 199 + "2"
    said = what_differs(_version(yours), _version(theirs))
    assert said.startswith("Only the label differs: yours xxx") and "x1, theirs yyy" in said
    assert said.endswith("y2.") and said.count("…") == 2
    assert len(said) <= len("Only the label differs: yours , theirs .") + 2 * NAME_CHARS


def test_names_that_fit_are_said_whole():
    assert what_differs(_version("cat"), _version("feline")) == "Only the label differs: yours cat, theirs feline."
    name = "n" * NAME_CHARS
    assert what_differs(_version(name), _version("cat")) == f"Only the label differs: yours {name}, theirs cat."


def test_long_names_differing_in_their_middle_are_cut_around_the_difference():
    # (each elided in its middle alone, both read "american_pit_bull_terrier_xxxx…yyyy…_end": told apart by nothing)
    yours = "american_pit_bull_terrier_" + "x" * 40 + "_from_kennel_A_" + "y" * 40 + "_end"
    theirs = yours.replace("kennel_A", "kennel_B")
    said = what_differs(_version(yours), _version(theirs))
    assert said.startswith("Only the label differs: yours american_")
    shown_yours, shown_theirs = said.removeprefix("Only the label differs: yours ").removesuffix(".").split(
        ", theirs ")
    assert shown_yours != shown_theirs
    assert "kennel_A" in shown_yours and "kennel_B" in shown_theirs
    assert len(shown_yours) <= NAME_CHARS and len(shown_theirs) <= NAME_CHARS


def test_long_names_one_a_letter_longer_in_its_middle_are_told_apart():
    yours = "terrier_" + "x" * 40 + "_litter_2_" + "y" * 60
    said = what_differs(_version(yours), _version(yours.replace("_litter_2_", "_litter_22_")))
    shown_yours, shown_theirs = said.removeprefix("Only the label differs: yours ").removesuffix(".").split(
        ", theirs ")
    assert "_litter_2_" in shown_yours and "_litter_22_" in shown_theirs
    assert len(shown_yours) <= NAME_CHARS and len(shown_theirs) <= NAME_CHARS


def test_two_spellings_each_mixing_forms_are_said_so_once():
    # ("mixed in yours, mixed in theirs" read as the same form twice)
    mixed = unicodedata.normalize("NFC", "Café ") + unicodedata.normalize("NFD", "é")
    other = unicodedata.normalize("NFD", "Café ") + unicodedata.normalize("NFC", "é")
    said = what_differs(_version(mixed), _version(other))
    assert "mixed in" not in said
    assert said.endswith("the same name in another Unicode form (both mix NFC and NFD, differently).")
    assert what_differs(_version(mixed), _version(unicodedata.normalize("NFC", mixed))).endswith(
        "(mixed in yours, NFC in theirs).")
