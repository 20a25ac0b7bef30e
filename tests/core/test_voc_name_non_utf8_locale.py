"""A new VOC file's <folder>, <filename> and <path> under a locale that is not UTF-8 (`core.file_name_text`).

`predict --write-voc` under Latin-1 wrote <filename> of ``חתול🐱.jpg`` as the
garbled ``×\\x97×ª…``: the name's bytes read as Latin-1.
"""

from __future__ import annotations

from petloc_gui.core import file_name_text
from petloc_gui.core.voc_edit import build_tree
from petloc_gui.core.voc_types import VocAnnotation

NAME = "חתול🐱.jpg"


def _seen_under_latin1(name: str) -> str:
    return name.encode("utf-8").decode("latin-1")


def test_a_new_voc_tree_under_latin1_holds_the_names_utf8_text(monkeypatch):
    monkeypatch.setattr(file_name_text, "fsencode", lambda name: name.encode("latin-1", "surrogateescape"))
    annotation = VocAnnotation(filename=_seen_under_latin1(NAME), folder=_seen_under_latin1("תמונות"),
                               path=_seen_under_latin1(f"/data/תמונות/{NAME}"), width=40, height=30)
    root = build_tree(annotation)[0].getroot()
    assert (root.findtext("filename"), root.findtext("folder"), root.findtext("path")) == (
        NAME, "תמונות", f"/data/תמונות/{NAME}")


def test_bytes_that_are_not_utf8_still_become_a_replacement_character_under_latin1(monkeypatch):
    monkeypatch.setattr(file_name_text, "fsencode", lambda name: name.encode("latin-1", "surrogateescape"))
    root = build_tree(VocAnnotation(filename=b"caf\xe9.png".decode("latin-1"), width=4, height=3))[0].getroot()
    assert root.findtext("filename") == "caf\ufffd.png"
