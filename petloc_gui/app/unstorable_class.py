"""Why a class typed by the user is refused (`refused_class`): one sentence for every place a name is typed
(Edit → Classes… Add and Rename, the toolbar's Label box), by the rules a class of the predefined classes file
is read by (`app.class_list`): a name no annotation can store (`NOT_XML`, in its words `UNSTORABLE`), or one
that looks empty (`blank_note`). This module reads `app.class_list`, never the other way round."""

from __future__ import annotations

from petloc_gui.app.class_list import UNSTORABLE, blank_note, shown_class
from petloc_gui.core.voc_edit import NOT_XML


def refused_class(name: str) -> str:
    """Why ``name``, typed as a class, is not made one: it holds a character no annotation can store
    (`unstorable_note`; said first, as a class of the file holding both is), else it holds nothing but
    characters drawn as nothing (`app.class_list.blank_note`); empty when it is a name to take."""
    return unstorable_note(name) or blank_note(name)


def unstorable_note(name: str) -> str:
    """Why ``name`` is not made a class when it holds a character no annotation can store (XML 1.0: the rule
    by which `app.class_list` leaves such a class of the file unoffered), each named as U+XXXX; empty when it
    holds none. Made a class, it labelled boxes, and Ctrl+S failed ("All strings must be XML compatible")."""
    found = list(dict.fromkeys(NOT_XML.findall(name)))
    if not found:
        return ""
    which = " and ".join(f"U+{ord(char):04X}" for char in found)
    what = "a character" if len(found) == 1 else "characters"
    return (f"{shown_class(name)} holds {which}, {what} no annotation can store ({UNSTORABLE}): no box could be "
            "saved with that class, so nothing changed. Type the name without it.")
