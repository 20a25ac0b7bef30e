"""`label_variants.variants_text` sets each spelling apart within its quotes where asked (`set_apart`), as
`shown_apart` does: `petloc train`'s case-variant refusal (`core.case_variant_refusal`) said its groups through a
copy of it that did so, and now through it."""

from __future__ import annotations

import unicodedata

from petloc_gui.core.label_variants import shown, shown_apart, variants_text
from petloc_gui.core.text import isolated


def test_each_spelling_is_set_apart_within_its_quotes_the_words_the_same():
    said = {"חתול": "3 boxes", "חתול ": "1 box"}
    plain = variants_text(list(said), said)
    apart = variants_text(list(said), said, set_apart=True)
    assert apart != plain
    for name in said:
        assert f'"{isolated(shown(name))}"' in apart
    assert apart.replace("\u2068", "").replace("\u2069", "") == plain  # only the isolates added


def test_a_spelling_told_apart_by_its_form_reads_as_shown_apart_says_it():
    composed, decomposed = unicodedata.normalize("NFC", "été"), unicodedata.normalize("NFD", "été")
    said = variants_text([composed, decomposed], {composed: "", decomposed: ""}, set_apart=True)
    assert said == (f"{shown_apart(composed, [decomposed], set_apart=True)} and "
                    f"{shown_apart(decomposed, [composed], set_apart=True)}")
