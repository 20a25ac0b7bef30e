"""How two names that fold to one (`core.annotation_names.folded`) differ, in words a user can act on.

``'Café_3' taken as 'Café_3'`` showed two names a terminal draws alike: a composed é (NFC, typed on
a keyboard, written by zip, rsync or Windows) and a decomposed one (NFD, as macOS names files).
The words say which is which; a difference of case shows in the names themselves. Pure: the index and the
exports (core) say it of two images sharing one annotation file as the command line (`--exclude-list`,
`evaluate`) says it of a listed name."""

from __future__ import annotations

import unicodedata


def unicode_form(name: str) -> str:
    """``NFC`` or ``NFD`` when ``name`` is in that form and not the other, ``mixed`` otherwise (an
    ASCII name is in both: ``NFC``)."""
    if unicodedata.is_normalized("NFC", name):
        return "NFC"
    return "NFD" if unicodedata.is_normalized("NFD", name) else "mixed"


def form_difference(given: str, found: str, given_where: str, found_where: str) -> str:
    """How ``given`` (as ``given_where`` spells it: "in the list") and ``found`` (as ``found_where``
    does: "on disk"), which differ only in case or Unicode form, differ."""
    same_form = unicodedata.normalize("NFC", given) == unicodedata.normalize("NFC", found)
    if same_form:
        given_form, found_form = unicode_form(given), unicode_form(found)
        if given_form == found_form:  # (both mixed: "mixed in yours, mixed in theirs" read as one form twice)
            return "the same name in another Unicode form (both mix NFC and NFD, differently)"
        return f"the same name in another Unicode form ({given_form} {given_where}, {found_form} {found_where})"
    if unicodedata.normalize("NFC", given) == given and unicodedata.normalize("NFC", found) == found:
        return "the name it differs from only in case"
    return "the name it differs from only in case and Unicode form"


def twin_note(name: str, other: str) -> str:
    """", the same name in another Unicode form (NFD in this image's name, NFC in the other's)" when ``name``
    and ``other`` differ in their Unicode form alone (café.png composed and decomposed: printed, the two look
    the same), else "" (names that differ in what they show, photo.jpg and photo.png, tell themselves apart)."""
    if name == other or unicodedata.normalize("NFC", name) != unicodedata.normalize("NFC", other):
        return ""
    return ", " + form_difference(name, other, "in this image's name", "in the other's")
