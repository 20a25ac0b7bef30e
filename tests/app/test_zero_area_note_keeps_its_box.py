"""A box of zero area inside the image (50, 50, 50, 120: a line) is said in the window's notes with where it lies.

Before: `app.annotation_store.boxes_only` replaced core.voc's "object 1 (cat): box (50.0, 50.0, 50.0, 120.0) has
zero area" by "object 1 (cat): no box is left inside the image, so it is not shown and a save drops it", while
the status said "(the image's notes say where they lie)": nothing said where it was, nor that it had no area."""

from __future__ import annotations

from petloc_gui.app.annotation_store import read_document
from tests.cli.helpers import write_annotated


def _notes(folder, stem, objects):
    image = write_annotated(folder, stem, 300, 200, objects)
    return read_document(image, folder / f"{stem}.xml", image_size=(300, 200))


def test_a_zero_area_box_inside_the_image_is_said_with_its_coordinates(tmp_path):
    doc = _notes(tmp_path, "v_zero", [("cat", (50, 50, 50, 120))])
    assert doc.objects == []
    assert doc.problems == ["object 1 (cat): box (50.0, 50.0, 50.0, 120.0) has zero area, so it is not shown and a "
                            "save drops it: draw it again"]
    assert "the image's notes say where they lie" in doc.box_lost


def test_a_box_wholly_outside_the_image_keeps_the_note_saying_where(tmp_path):
    doc = _notes(tmp_path, "out", [("dog", (20, 20, 60, 60)), ("cat", (400, 300, 500, 350))])
    assert [obj.name for obj in doc.objects] == ["dog"]
    assert doc.problems == [
        "object 2 (cat): box (400.0, 300.0, 500.0, 350.0) lies outside the 300x200 image; clamped to "
        "(300.0, 200.0, 300.0, 200.0)",
        "object 2 (cat): no box is left inside the image, so it is not shown and a save drops it: draw it again"]
