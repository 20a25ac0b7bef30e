"""An image is modified exactly when a save would change its file, the accepted-box mark included (ADR
0013); the mark records the label the model proposed (petloc_model_label), which tells evaluate whether
a box's label is a person's, but ImageDocument.dirty compared the mark's model only: a box whose proposed
label changed in memory read as unmodified, and the change was never saved (review 3, finding 4)."""

from __future__ import annotations

import dataclasses

from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.core.voc_types import VocAnnotation, VocObject

MODEL = "model pets (pets-9)"
BOX = Box(10, 10, 50, 50)


def _opened(tmp_path) -> ImageDocument:
    xml = tmp_path / "a.xml"
    write_voc(VocAnnotation(filename="a.png", width=100, height=100, objects=[
        VocObject("cat", BOX, proposed_by=MODEL, proposed_box=BOX, proposed_label="cat")]), xml)
    annotation = read_voc(xml, find_image=False)
    return ImageDocument(image_path=tmp_path / "a.png", annotation_path=xml, annotation=annotation,
                         objects=list(annotation.objects))


def test_a_changed_proposed_label_is_a_change_a_save_writes(tmp_path):
    doc = _opened(tmp_path)
    assert not doc.dirty and doc.objects[0].label_accepted_from == MODEL
    # relabelled to dog, A on the model's dog at the same box, relabelled back to cat: the label is a person's
    doc.objects[0] = dataclasses.replace(doc.objects[0], name="cat", proposed_label="dog")
    assert doc.objects[0].label_accepted_from is None
    assert doc.dirty


def test_the_same_mark_again_is_no_change(tmp_path):
    doc = _opened(tmp_path)
    doc.objects[0] = dataclasses.replace(doc.objects[0], proposed_label="cat")
    assert not doc.dirty
