"""The image search folds each name once a listing, not at each keystroke: it runs over up to 20,000
names as the user types, and folding them all again per key would cost as much as the search itself."""

from __future__ import annotations

import petloc_gui.core.name_search as name_search
from petloc_gui.core.name_search import FoldedNames, search_key


def test_names_are_folded_once_and_each_keystroke_folds_only_the_text(monkeypatch):
    names = [f"Bengal_{i}.jpg" for i in range(200)] + ["IMG_1.jpg"]
    calls = []
    real = name_search.folded
    monkeypatch.setattr(name_search, "folded", lambda text: calls.append(text) or real(text))
    search = FoldedNames(names)
    assert len(calls) == len(names) + 1  # each name, and the one with a capital I in Turkish case too
    calls.clear()
    for typed in ("b", "be", "ben", "bengal_1"):
        search.look_for(typed)
        assert sum(search.finds(item) for item in range(len(names))) >= 1
    assert len(calls) == 4  # the text, once a keystroke


def test_the_search_key_folds_case_unicode_form_and_the_dotted_capital_i():
    assert search_key("Caf\u00e9") == search_key("CAFE\u0301") == "caf\u00e9"
    assert search_key("\u0130stanbul") == "istanbul"
    assert search_key("Stra\u00dfe") != search_key("Strasse")  # file systems hold these apart
