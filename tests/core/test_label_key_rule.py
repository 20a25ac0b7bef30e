"""The rule for one class typed two ways (`core.label_variants.label_key`) is what its words say: case,
spacing and Unicode form. It was NFKC and case folding, so genuinely different classes ("Masse" and
"Maße", "m2" and "m²", "1" and "①", "Ⅻ" and "xii", a Greek word with a final and with a medial
sigma) were grouped, and `petloc train` refused them with no way round. Every caller of the rule
(stats, train's refusal, evaluate's hint, the window's Label box and class list) groups by this one
function; full-width letters stay one class with their usual ones (the Label box's East Asian input)."""

from __future__ import annotations

import pytest

from petloc_gui.cli.evaluate_labels import spelling_hint
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.label_variants import label_key, variant_groups

NFC_ETE, NFD_ETE = "\u00e9t\u00e9", "e\u0301te\u0301"
SOPHOS_FINAL, SOPHOS_MEDIAL = "\u03c3\u03bf\u03c6\u03bf\u03c2", "\u03c3\u03bf\u03c6\u03bf\u03c3"
SOPHOS_UPPER = "\u03a3\u039f\u03a6\u039f\u03a3"


@pytest.mark.parametrize("pair", [
    ("Masse", "Maße"),  # casefold made ß "ss": two German words
    ("m2", "m²"),  # a superscript (NFKC folded it)
    ("1", "\u2460"),  # a circled digit
    ("\u216b", "xii"),  # a Roman numeral character
    ("\ufb01sh", "fish"),  # a ligature
    (SOPHOS_FINAL, SOPHOS_MEDIAL),  # a final and a medial sigma (casefold made both medial)
])
def test_different_characters_are_different_classes(pair):
    assert label_key(pair[0]) != label_key(pair[1])
    assert variant_groups(pair) == []
    assert case_variant_refusal(dict.fromkeys(pair, 2)) == ""


@pytest.mark.parametrize("pair", [
    ("Cat", "cat"),
    (" cat", "cat"),
    ("bengal  cat", "Bengal\tCat"),
    ("bengal\u00a0cat", "bengal cat"),  # a no-break space
    (NFC_ETE, NFD_ETE),  # composed and decomposed: one text
    (SOPHOS_UPPER, SOPHOS_FINAL),  # lower() makes an upper-case word's last sigma final
    ("MAẞE", "Maße"),  # the capital sharp s
    ("\uff43\uff41\uff54", "cat"),  # full-width letters (an East Asian input method)
    ("\uff76\uff9e", "\u30ac"),  # half-width katakana with its voiced mark
])
def test_case_spacing_and_unicode_form_are_still_one_class(pair):
    assert label_key(pair[0]) == label_key(pair[1])
    assert len(variant_groups(pair)) == 1
    assert case_variant_refusal(dict.fromkeys(pair, 2)) != ""


def test_evaluate_hints_by_the_same_rule():
    assert spelling_hint(["m²", "Maße"], ["m2", "Masse"]) is None
    assert spelling_hint(["CAT"], ["cat"]) is not None
