"""An ``<object>`` without ``<bndbox>`` (a point, polygon or tag object CVAT or datumaro write beside boxes)
made the whole file unreadable, so the box beside it was dropped by stats, training, evaluation and the
window. It is left out, said with the file's other notes, and the rest of the file is read."""

from __future__ import annotations

from PIL import Image

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import NO_OBJECTS, OBJECT_WITHOUT_BOX, compute_stats
from petloc_gui.core.voc import read_voc

POINT = "<object><name>{name}</name><points><x>12</x><y>9</y></points></object>"
BOX = ("<object><name>{name}</name><bndbox><xmin>{x0}</xmin><ymin>5</ymin><xmax>{x1}</xmax><ymax>30</ymax>"
       "</bndbox></object>")


def _pair(folder, name, objects):
    Image.new("RGB", (40, 32), (90, 40, 20)).save(folder / f"{name}.png")
    xml = folder / f"{name}.xml"
    xml.write_text(f"<annotation><filename>{name}.png</filename><size><width>40</width><height>32</height>"
                   f"<depth>3</depth></size>{''.join(objects)}</annotation>", encoding="utf-8")
    return xml


def test_the_box_beside_a_point_is_read_and_the_point_said(tmp_path):
    xml = _pair(tmp_path, "a", [POINT.format(name="cat"), BOX.format(name="dog", x0=4, x1=52)])
    annotation = read_voc(xml)
    assert [(o.name, o.box) for o in annotation.objects] == [("dog", Box(4, 5, 40, 30))]
    # the box is object 1, as the window, training and evaluation count it (their notes are matched so)
    assert annotation.problems == [
        "<object> 1 of the file (cat) has no <bndbox> (a point, polygon or tag another tool wrote?): not a box, "
        "left out and not numbered among the objects; a save from petloc keeps it as it is",
        "object 1 (dog): box (4.0, 5.0, 52.0, 30.0) lies outside the 40x32 image; clamped to (4.0, 5.0, 40.0, 30.0)"]


def test_stats_and_training_count_the_box(tmp_path):
    from petloc_gui.model.data import collect_samples

    _pair(tmp_path, "a", [BOX.format(name="dog", x0=4, x1=20), POINT.format(name="")])
    stats = compute_stats(open_dataset(tmp_path))
    assert stats.class_counts == {"dog": 1}
    assert [(p.kind, p.message.split(" (", 1)[0]) for p in stats.problems] == [
        (OBJECT_WITHOUT_BOX, "<object> 2 of the file")]
    assert "(no name) has no <bndbox>" in stats.problems[0].message
    samples, skipped, _root = collect_samples(tmp_path)
    assert skipped == [] and [(s.label, s.box) for s in samples] == [("dog", (4.0, 5.0, 20.0, 30.0))]


def test_a_file_of_points_alone_reads_as_an_image_with_no_box(tmp_path):
    xml = _pair(tmp_path, "a", [POINT.format(name="cat"), POINT.format(name="cat")])
    annotation = read_voc(xml)
    assert annotation.objects == []
    assert [p.split(" (", 1)[0] for p in annotation.problems] == ["<object> 1 of the file", "<object> 2 of the file"]
    stats = compute_stats(open_dataset(tmp_path))
    assert [p.kind for p in stats.problems] == [OBJECT_WITHOUT_BOX, OBJECT_WITHOUT_BOX, NO_OBJECTS]
    assert stats.problems[-1].message == "annotation has no object with a box: the image counts as one with no box"


def test_a_save_keeps_the_point_as_it_is(tmp_path):
    from petloc_gui.core.voc import VocObject, write_voc

    point = '<object><name>cat</name><points><x>12</x><y>9</y></points><attributes a="1"/></object>'
    xml = _pair(tmp_path, "a", [BOX.format(name="dog", x0=4, x1=20), point, BOX.format(name="cow", x0=1, x1=9)])
    annotation = read_voc(xml)
    annotation.objects.reverse()  # reordered, one relabelled, one added: the point stays second, untouched
    annotation.objects[0].name = "ox"
    annotation.objects.append(VocObject("hen", Box(2, 2, 8, 8)))
    write_voc(annotation, xml)
    text = xml.read_text(encoding="utf-8")
    assert "<points>" in text and '<attributes a="1"/>' in text
    again = read_voc(xml)
    assert [(o.name, o.box) for o in again.objects] == [
        ("ox", Box(1, 5, 9, 30)), ("dog", Box(4, 5, 20, 30)), ("hen", Box(2, 2, 8, 8))]
    assert [p.split(" (", 1)[0] for p in again.problems] == ["<object> 2 of the file"]
    del annotation.objects[:]  # every box deleted: the point is still there
    write_voc(annotation, xml)
    assert [p.split(" (", 1)[0] for p in read_voc(xml).problems] == ["<object> 1 of the file"]
