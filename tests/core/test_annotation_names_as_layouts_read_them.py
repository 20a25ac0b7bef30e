"""`annotation_names`' search for a name differing in case or Unicode form takes as annotation files the
names `folder_listing.is_annotation_name` does (it tested ``.xml`` itself): a hidden file (macOS's
AppleDouble ``._photo.XML``) is no annotation to any layout, so none to it either."""

from __future__ import annotations

from petloc_gui.core.annotation_names import annotation_names
from petloc_gui.core.folder_listing import is_annotation_name


def test_a_hidden_xml_is_no_images_annotation():
    assert not is_annotation_name("._photo.XML")
    assert annotation_names(["._photo", "photo"], {"._photo.XML", "Photo.Xml"}) == [None, "Photo.Xml"]


def test_a_visible_name_in_any_case_still_pairs():
    assert annotation_names(["a", "b", "c"], {"a.xml", "B.XML", "c.XmL", "c.txt"}) == ["a.xml", "B.XML", "c.XmL"]
