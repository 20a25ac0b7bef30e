"""The label a model proposed is recorded where the proposal is read (a pre-label file, core.voc) or made
(A in the window, EditController.accept_prediction): without it a box relabelled by a person after it was
accepted counted as the model's label, so evaluate's person-labelled accuracy left out exactly the images
where a person corrected the model's class (ADR 0013)."""

from __future__ import annotations

import dataclasses

from petloc_gui.app.annotation_store import save_document
from petloc_gui.core.voc import read_voc, write_voc
from tests.core.test_voc_provenance import PETS, _prelabel, _saved_by_a_person
from tests.ui.test_accepted_box_marked import PREDICTED, _image, _opened


def test_prelabel_saved_then_relabelled(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    saved = _saved_by_a_person(xml)
    assert saved.objects[0].label_accepted_from == PETS and saved.objects[0].model_label == "cat"
    saved.objects[0] = dataclasses.replace(saved.objects[0], name="dog")
    write_voc(saved, xml)
    obj = read_voc(xml).objects[0]
    assert obj.accepted_from == PETS and obj.label_accepted_from is None


def test_prelabel_relabelled_before_first_save(tmp_path):
    xml = _prelabel(tmp_path / "a.xml")
    obj = _saved_by_a_person(xml, lambda o: dataclasses.replace(o, name="dog")).objects[0]
    assert obj.accepted_from == PETS and obj.model_label == "cat" and obj.label_accepted_from is None


def test_window_accept_then_relabel(qtbot, tmp_path):
    image = _image(tmp_path)
    edits, doc = _opened(qtbot, image)
    edits.accept_prediction("cat", PREDICTED, "pets")
    save_document(doc)
    assert read_voc(image.with_suffix(".xml")).objects[0].label_accepted_from == "model pets"
    edits.set_label("dog")
    save_document(doc)
    obj = read_voc(image.with_suffix(".xml")).objects[0]
    assert obj.accepted_from == "model pets" and obj.label_accepted_from is None


def test_window_accept_over_a_persons_box_with_another_label(qtbot, tmp_path):
    image = _image(tmp_path)
    edits, doc = _opened(qtbot, image)
    edits.accept_prediction("cat", PREDICTED, "pets")
    edits.set_label("dog")
    save_document(doc)
    doc2 = _opened(qtbot, image)
    edits2, doc2 = doc2
    edits2.accept_prediction("cat", PREDICTED, "pets")  # the person takes the model's class back
    save_document(doc2)
    assert read_voc(image.with_suffix(".xml")).objects[0].label_accepted_from == "model pets"
