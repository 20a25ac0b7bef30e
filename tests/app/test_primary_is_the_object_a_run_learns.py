"""The window's primary object of an image is the one a run learns: its first object with a label and a box of
non-zero area (`core.scored_objects.usable_objects`, the rule `model.data.collect_samples` takes it by).

Before: `annotation_store.read_primary` and `ImageDocument.primary` took ``objects[0]`` whatever it was, so an image
listing first a box without a label counted no class in the window (the new-classes bar, the row's class), while
training learned its second box, a cat (a review's find: the window {'': ..., 'cat': 5} where the Retrain dialog
counted {'cat': 6}). Every box is still shown and edited; only which one is the primary moved."""

from __future__ import annotations

from petloc_gui.app.annotation_store import read_document, read_primary
from petloc_gui.core import scored_objects
from petloc_gui.core.boxes import Box
from tests.cli.helpers import write_annotated

GOOD = (50, 40, 200, 160)
SECOND = (10, 10, 100, 100)


def _written(folder, stem, objects):
    image = write_annotated(folder, stem, 300, 200, objects)
    return image, folder / f"{stem}.xml"


def test_a_nameless_first_box_is_passed_over_as_training_passes_it(tmp_path):
    image, xml = _written(tmp_path, "a", [("", GOOD), ("cat", SECOND)])
    name, box, _verified, objects, _prelabel = read_primary(xml, image)
    assert (name, box) == ("cat", Box(*SECOND))
    assert [n for n, _b in objects] == ["", "cat"]  # every box still listed (the IoU column's best-gt rule)
    doc = read_document(image, xml, image_size=(300, 200))
    assert [obj.name for obj in doc.objects] == ["", "cat"]  # still shown, and edited
    assert doc.primary_index == 1 and doc.primary is doc.objects[1]


def test_with_no_box_a_run_can_use_the_first_box_is_the_one_to_label(tmp_path):
    """An image whose boxes all lack a label has none a run learns; its first box stays the primary (the one A
    replaces, the row's box), its name none a class counts."""
    image, xml = _written(tmp_path, "b", [("", GOOD), ("", SECOND)])
    name, box, _verified, _objects, _prelabel = read_primary(xml, image)
    assert (name, box) == ("", Box(*GOOD))
    doc = read_document(image, xml, image_size=(300, 200))
    assert doc.primary_index == 0 and doc.primary.name == ""


def test_the_window_takes_the_primary_by_the_run_s_own_rule(tmp_path, monkeypatch):
    """One rule, not a copy of it: a stand-in for `usable_objects` moves the window's primary with it."""
    image, xml = _written(tmp_path, "c", [("dog", GOOD), ("cat", SECOND)])
    assert read_primary(xml, image)[0] == "dog"
    monkeypatch.setattr(scored_objects, "usable_objects", lambda objects, any_label=False: list(objects)[1:])
    assert read_primary(xml, image)[0] == "cat"
    assert read_document(image, xml, image_size=(300, 200)).primary.name == "cat"
