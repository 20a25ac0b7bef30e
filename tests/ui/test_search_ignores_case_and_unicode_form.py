"""The image search ignores case and Unicode form as the rest of petloc does: it lower-cased both sides
with `str.lower` only, so typed "café" found none of the names macOS writes with a decomposed "é", and
typed "istanbul" none of the "İstanbul" names ("İ" lower-cased is "i" and a combining dot)."""

from __future__ import annotations

import unicodedata

from petloc_gui.ui.review.file_list import FileListModel

NAMES = [
    unicodedata.normalize("NFD", "Café_1.jpg"),  # as macOS writes it
    "caf\u00e9_2.jpg",  # composed
    "cafe_3.jpg",  # another word: no accent
    "\u0130stanbul_4.jpg",
    "I\u015eIK_5.jpg",
    "k\u0131r_6.jpg",
    "kir_7.jpg",
    "IMG_8.jpg",
]


def _found(model: FileListModel, text: str) -> list[str]:
    model.set_text(text)
    return [model.names[item] for item in model.order]


def test_a_typed_name_finds_it_in_either_unicode_form_and_any_case(qtbot):
    model = FileListModel(NAMES, [False] * len(NAMES))
    composed, decomposed = "caf\u00e9", unicodedata.normalize("NFD", "caf\u00e9")
    for typed in (composed, decomposed, composed.upper(), " " + composed):
        assert _found(model, typed) == NAMES[:2], typed


def test_the_turkish_i_finds_its_pair(qtbot):
    model = FileListModel(NAMES, [False] * len(NAMES))
    assert _found(model, "istanbul") == [NAMES[3]]
    assert _found(model, "\u0130STANBUL") == [NAMES[3]]
    assert _found(model, "\u0131\u015f\u0131k") == [NAMES[4]]  # IŞIK in Turkish lower case
    assert _found(model, "kir") == [NAMES[6]]  # a dotless i is another letter
    assert _found(model, "k\u0131r") == [NAMES[5]]
    assert _found(model, "img") == [NAMES[7]]
    assert _found(model, "") == NAMES
