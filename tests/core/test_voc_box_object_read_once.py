"""What is a box is said once (`voc_edit.is_box_object`) for reading and saving, whose pairing of
objects read with <object> elements depends on the two agreeing; and read_voc builds each object's
child map once (it built it twice: once to see whether it is a box, once to read it)."""

from __future__ import annotations

from lxml import etree

import petloc_gui.core.voc as voc
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc_edit import is_box_object

BOX = ("<object><name>{name}</name><!-- kept --><bndbox><xmin>{x0}</xmin><ymin>5</ymin><xmax>20</xmax>"
       "<ymax>30</ymax></bndbox></object>")
OTHERS = ("<object><name>pt</name><points><x>1</x></points></object>",
          "<object><name>ns</name><b:bndbox xmlns:b='urn:b'><xmin>1</xmin></b:bndbox></object>",
          "<object><name>deep</name><part><bndbox><xmin>1</xmin></bndbox></part></object>")


def _file(tmp_path):
    xml = tmp_path / "a.xml"
    xml.write_text("<annotation><filename>a.png</filename><size><width>40</width><height>32</height>"
                   f"<depth>3</depth></size>{BOX.format(name='cat', x0=2)}{''.join(OTHERS)}"
                   f"{BOX.format(name='dog', x0=3)}</annotation>", encoding="utf-8")
    return xml


def test_the_objects_read_are_the_box_objects_and_a_save_pairs_them(tmp_path):
    xml = _file(tmp_path)
    annotation = voc.read_voc(xml)
    elements = etree.parse(str(xml)).getroot().findall("object")
    assert [element.findtext("name") for element in elements if is_box_object(element)] == \
        [obj.name for obj in annotation.objects] == ["cat", "dog"]
    annotation.objects[1].box = Box(4, 5, 20, 30)
    voc.write_voc(annotation, xml)
    saved = etree.parse(str(xml)).getroot().findall("object")
    assert [element.findtext("name") for element in saved] == ["cat", "pt", "ns", "deep", "dog"]
    assert saved[4].findtext("bndbox/xmin") in ("4", "4.0") and saved[0].findtext("bndbox/xmin") == "2"


def test_each_object_s_children_are_mapped_once(tmp_path, monkeypatch):
    xml = _file(tmp_path)
    mapped = []
    first_children = voc._first_children
    monkeypatch.setattr(voc, "_first_children", lambda element: mapped.append(element.tag) or first_children(element))
    voc.read_voc(xml)
    assert mapped.count("object") == 2  # the two boxes; the others only looked at for a <bndbox>
