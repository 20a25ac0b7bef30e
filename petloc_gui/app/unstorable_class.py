"""Why a class typed by the user is refused when no annotation could store it: one sentence for every place a
name is typed (Edit → Classes… Add and Rename, the toolbar's Label box), by the rule a class of the predefined
classes file is read by (`app.class_list`: `NOT_XML`, in its words `UNSTORABLE`)."""

from __future__ import annotations

from petloc_gui.app.class_list import UNSTORABLE, shown_class
from petloc_gui.core.voc_edit import NOT_XML


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
