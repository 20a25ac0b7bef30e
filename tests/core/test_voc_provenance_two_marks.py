"""An <object> holding petloc's mark twice (two <attributes> blocks, or one attribute written twice: a
merge tool, a hand edit) was read by its first copies alone. A void first mark and a valid second one
(model B's) read as a person's box; the first save removed the first copies only, and the next read
found model B's mark valid: a person's box became "accepted from model B". Every copy is read together
now: two marks are void (no one can tell which holds), and a save removes every copy."""

from __future__ import annotations

import dataclasses

from lxml import etree

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.core.voc_provenance import VOID, read_mark, write_mark

BOX = Box(10, 10, 50, 60)


def _mark(model: str, box: str, extra: str = "") -> str:
    return (f"<attributes>{extra}<attribute><name>petloc_box_source</name><value>accepted unchanged from {model}"
            f"</value></attribute><attribute><name>petloc_model_box</name><value>{box}</value></attribute>"
            "</attributes>")


def _file(tmp_path, *blocks: str):
    xml = tmp_path / "a.xml"
    xml.write_text("<annotation><filename>a.png</filename><size><width>100</width><height>80</height><depth>3"
                   "</depth></size><object><name>cat</name><bndbox><xmin>10</xmin><ymin>10</ymin><xmax>50</xmax>"
                   f"<ymax>60</ymax></bndbox>{''.join(blocks)}</object></annotation>")
    return xml


def _saved_by_a_person(xml):
    write_voc(dataclasses.replace(read_voc(xml), verified=True), xml)


def test_a_void_mark_then_a_valid_one_stays_a_persons_box_across_saves(tmp_path):
    xml = _file(tmp_path, _mark("model A", "1 1 5 5"), _mark("model B", "10 10 50 60"))
    assert read_voc(xml).objects[0].accepted_from is None
    _saved_by_a_person(xml)
    assert read_voc(xml).objects[0].accepted_from is None  # was "model B"
    assert b"petloc_" not in xml.read_bytes() and b"<attributes" not in xml.read_bytes()


def test_two_valid_marks_are_void_too_and_go_on_save(tmp_path):
    xml = _file(tmp_path, _mark("model B", "10 10 50 60"), _mark("model A", "10 10 50 60"))
    assert read_voc(xml).objects[0].accepted_from is None  # which model's? no one can tell
    _saved_by_a_person(xml)
    assert b"petloc_" not in xml.read_bytes()


def test_an_attribute_written_twice_in_one_block_is_void_and_other_attributes_stay(tmp_path):
    occluded = "<attribute><name>occluded</name><value>false</value></attribute>"
    twice = "<attribute><name>petloc_model_box</name><value>10 10 50 60</value></attribute>"
    xml = _file(tmp_path, _mark("model B", "10 10 50 60", extra=occluded + twice))
    assert read_voc(xml).objects[0].accepted_from is None
    _saved_by_a_person(xml)
    root = etree.parse(str(xml)).getroot()
    assert [a.findtext("name") for a in root.iter("attribute")] == ["occluded"]


def test_a_mark_written_over_copies_leaves_one():
    element = etree.fromstring(f"<object>{_mark('model A', '1 1 5 5')}{_mark('model B', '10 10 50 60')}</object>")
    assert read_mark(element, BOX) == VOID
    write_mark(element, ("model C", (10, 10, 50, 60), "cat"))
    assert read_mark(element, BOX) == ("model C", (10, 10, 50, 60), "cat")
    assert len(element.findall("attributes")) == 1 and len(list(element.iter("attribute"))) == 3
