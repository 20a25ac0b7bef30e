"""A box of zero area is no scored object (`core.scored_objects.usable_objects`: "a box of non-zero area"): a run
does not score a prediction against a line, and the objects' hash (meta.json ``objects_sha256``) leaves it out, so
adding or moving one is no re-box."""

from __future__ import annotations

from petloc_gui.core.scored_objects import objects_digest, usable_objects
from petloc_gui.core.voc import read_voc


def _objects(tmp_path, boxes, name="a.xml"):
    body = "".join(f"<object><name>cat</name><bndbox><xmin>{b[0]}</xmin><ymin>{b[1]}</ymin><xmax>{b[2]}</xmax>"
                   f"<ymax>{b[3]}</ymax></bndbox></object>" for b in boxes)
    path = tmp_path / name
    path.write_text(f"<annotation><size><width>100</width><height>100</height></size>{body}</annotation>",
                    encoding="utf-8")
    return read_voc(path, find_image=False).objects


def test_a_zero_height_line_is_not_scored(tmp_path):
    objects = _objects(tmp_path, [(10, 10, 50, 50), (10, 60, 50, 60)])  # the second: 40 wide, 0 high
    assert [obj.box.as_tuple() for obj in usable_objects(objects)] == [(10, 10, 50, 50)]
    assert [obj.box.as_tuple() for obj in usable_objects(objects, any_label=True)] == [(10, 10, 50, 50)]


def test_a_zero_width_line_is_not_scored(tmp_path):
    objects = _objects(tmp_path, [(10, 10, 50, 50), (70, 10, 70, 50)])  # the second: 0 wide, 40 high
    assert [obj.box.as_tuple() for obj in usable_objects(objects)] == [(10, 10, 50, 50)]


def test_a_line_added_leaves_the_objects_hash_as_it_was(tmp_path):
    alone = _objects(tmp_path, [(10, 10, 50, 50)], "alone.xml")
    with_line = _objects(tmp_path, [(10, 10, 50, 50), (10, 60, 50, 60)], "with_line.xml")
    assert objects_digest(with_line) == objects_digest(alone)
