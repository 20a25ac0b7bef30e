"""The conflict question's line on a label alone differing (`save_texts.what_differs`). A class in two Unicode
forms (a composed "é" here, a decomposed one written by a macOS tool) read "Only the label differs: yours Café,
theirs Café.", the two drawn alike; it now says they are the same name in another Unicode form, which is which.
Two long class names went in whole: 200-character names made an 840-character line, the question grew to the
screen's width and both names were cut at its right edge. They are elided in their middle now, as the other save
texts elide names (the file holds them whole)."""

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
