"""A class renamed folder-wide renames the label the model proposed with it (`VocObject.class_renamed`).

Before, the rename changed a box's name but left its proposed label (`petloc_model_label`) at the old
name, so a box whose label a person had accepted unchanged counted as "a person corrected the label" in
`petloc evaluate`, `petloc train` and meta.json: the model's class under its new name is still its label.
"""

from __future__ import annotations

from petloc_gui.core.accepted_boxes import accepted_models, labels_accepted
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc

PETS = "model pets (pets-1)"
BOX = Box(10, 10, 50, 60)


def _accepted(name="cat", proposed_label="cat"):
    return VocObject(name=name, box=BOX, proposed_by=PETS, proposed_box=BOX, proposed_label=proposed_label)


def test_a_label_accepted_unchanged_stays_the_models_under_the_new_name():
    renamed = _accepted().class_renamed("feline")
    assert renamed.name == "feline" and renamed.proposed_label == "feline"
    assert renamed.label_accepted_from == PETS and renamed.accepted_from == PETS


def test_a_label_a_person_corrected_stays_theirs():
    relabelled = _accepted(name="dog")  # the model said cat, a person made it dog
    renamed = relabelled.class_renamed("canine")
    assert renamed.name == "canine" and renamed.proposed_label == "cat"
    assert renamed.label_accepted_from is None and renamed.accepted_from == PETS


def test_a_mark_without_the_label_and_a_persons_box_are_only_renamed():
    old_mark = _accepted(proposed_label=None).class_renamed("feline")  # written before labels were recorded
    assert old_mark.proposed_label is None and old_mark.label_accepted_from == PETS
    drawn = VocObject(name="cat", box=BOX).class_renamed("feline")
    assert drawn.name == "feline" and drawn.proposed_label is None and drawn.accepted_from is None


def test_renamed_read_back_and_counted_as_evaluate_counts(tmp_path):
    """Read from a file's mark (the label it records), renamed and written: read back, the label is the
    model's, so `petloc evaluate` does not count the image among those a person labelled (n_labelled)."""
    xml = tmp_path / "a.xml"
    annotation = new_annotation(tmp_path / "a.png", 100, 80)
    annotation.objects.append(_accepted())
    write_voc(annotation, xml)
    read = read_voc(xml)
    read.objects[0] = read.objects[0].class_renamed("feline")
    write_voc(read, xml, expected=read.disk_state)
    saved = read_voc(xml).objects[0]
    assert saved.name == "feline" and saved.model_label == "feline" and saved.label_accepted_from == PETS
    assert labels_accepted(accepted_models([saved])) == {PETS}
