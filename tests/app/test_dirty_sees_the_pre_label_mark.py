"""An image is modified exactly when a save would change what its file says, its pre-label mark included: the
mark that says the boxes are a model's, unreviewed (`ImageDocument.prelabel_mark`), which a save drops once a
hand edit of the image is in effect. `ImageDocument.dirty` compared the boxes (with their accepted-from marks)
and the verified flag only.

The case (no Qt: each step as the window's undo commands and `TheirVersion.take_theirs` make it): A accepts
the model's box on an image with no annotation; `petloc predict --write-voc` with that same model writes that
very box as its pre-label; the save asks, Take theirs, then Ctrl+Z brings the accepted box back. The boxes,
labels and accepted-from marks are then the file's (the pre-label's boxes read as that model's), so the image
read as a clean pre-label ("pre-label" in the list, no "*", nothing asked on leaving), while a save writes it
without the mark: the user's review, never saved."""

from __future__ import annotations

import numpy as np
from PIL import Image

from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.app.image_document import STATUS_EDITED, STATUS_PRELABEL, ImageDocument
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import PRELABEL_PREFIX, VocObject, new_annotation, read_voc, write_voc

MODEL = "model pets (pets-9)"  # as the window names the model whose box A accepts (`model_phrase`)
MARK = f"{PRELABEL_PREFIX} by petloc predict, {MODEL}"  # that model's pre-label (`cli.prelabel.prelabel_mark`)
BOX = Box(10, 10, 50, 50)


def _image(tmp_path):
    image = tmp_path / "a.png"
    Image.fromarray(np.zeros((90, 120, 3), dtype=np.uint8)).save(image)
    return image, tmp_path / "a.xml"


def _edit(doc: ImageDocument, objects: list) -> None:
    """An undo command's edit of the image itself (`_DocCommand.redo`): the objects put in, one hand edit."""
    doc.objects[:] = objects
    doc.edited_by_hand(1)


def _undo(doc: ImageDocument, objects: list) -> None:
    """That edit undone (`_DocCommand.undo`)."""
    doc.objects[:] = objects
    doc.edited_by_hand(-1)


def _written_prelabel(image, xml, mark: str = MARK) -> None:
    annotation = new_annotation(image, 120, 90)
    annotation.objects.append(VocObject(name="cat", box=BOX))
    annotation.prelabel = mark
    write_voc(annotation, xml)


def _taken_then_undone(tmp_path) -> ImageDocument:
    image, xml = _image(tmp_path)
    doc = read_document(image, xml, (120, 90))
    accepted = [VocObject("cat", BOX, proposed_by=MODEL, proposed_box=BOX, proposed_label="cat")]
    _edit(doc, accepted)  # A: the model's box, accepted unchanged
    assert doc.dirty
    _written_prelabel(image, xml)
    fresh = read_document(image, xml, (120, 90))
    assert fresh.prelabel and fresh.objects[0].accepted_from == MODEL  # the same model's box, to the file too
    mine = list(doc.objects)
    _edit(doc, list(fresh.objects))  # Take theirs: the "Reload from disk" step...
    doc.adopt_disk_version(fresh)  # ...and the file's version as the one on disk
    assert not doc.dirty and doc.status() == STATUS_PRELABEL
    _undo(doc, mine)  # Ctrl+Z: "your edits back"
    return doc


def test_take_theirs_undone_over_the_same_models_pre_label_is_modified(tmp_path):
    doc = _taken_then_undone(tmp_path)
    assert doc.prelabel_mark is None  # a save writes the review: the file's mark goes
    assert doc.dirty and doc.status() == STATUS_EDITED


def test_the_save_it_asks_for_writes_the_review(tmp_path):
    doc = _taken_then_undone(tmp_path)
    save_document(doc)
    read = read_voc(doc.annotation_path, find_image=False)
    assert read.prelabel is None and read.objects[0].accepted_from == MODEL  # the box A accepted, reviewed
    assert not doc.dirty and not doc.prelabel


def test_a_pre_label_edited_then_undone_is_clean(tmp_path):
    image, xml = _image(tmp_path)
    _written_prelabel(image, xml)
    doc = read_document(image, xml, (120, 90))
    read = list(doc.objects)
    _edit(doc, [VocObject("dog", BOX)])
    assert doc.dirty
    _undo(doc, read)
    assert doc.prelabel_mark == MARK and not doc.dirty and doc.status() == STATUS_PRELABEL


def test_a_pre_label_saved_as_one_is_clean(tmp_path):
    """A class renamed folder-wide is no hand edit: saved, the file stays a pre-label, and what it says is shown."""
    image, xml = _image(tmp_path)
    _written_prelabel(image, xml)
    doc = read_document(image, xml, (120, 90))
    doc.rename_class(0, "kitten")
    assert doc.dirty and doc.stays_prelabel
    save_document(doc)
    assert read_voc(xml, find_image=False).prelabel == MARK
    assert not doc.dirty and doc.status() == STATUS_PRELABEL


def test_a_review_saved_then_undone_is_modified(tmp_path):
    """V then Ctrl+S drops the mark from the file; undone, a save writes it back (`stays_prelabel`)."""
    image, xml = _image(tmp_path)
    _written_prelabel(image, xml)
    doc = read_document(image, xml, (120, 90))
    doc.set_verified(True)
    doc.edited_by_hand(1)
    save_document(doc)
    assert read_voc(xml, find_image=False).prelabel is None and not doc.dirty
    doc.set_verified(False)
    doc.edited_by_hand(-1)
    assert doc.prelabel_mark == MARK and doc.dirty


def test_a_pre_label_moved_and_moved_back_by_hand_is_a_review_to_save(tmp_path):
    """Two hand edits in effect (a box moved, then moved back: not undone): a save is a review (`stays_prelabel`),
    which drops the mark, so the image is modified though its boxes are the file's."""
    image, xml = _image(tmp_path)
    _written_prelabel(image, xml)
    doc = read_document(image, xml, (120, 90))
    doc.set_box(0, Box(11, 10, 51, 50))
    doc.edited_by_hand(1)
    doc.set_box(0, BOX)
    doc.edited_by_hand(1)
    assert doc.shown() == ((("cat", BOX),), False) and doc.dirty
    save_document(doc)
    assert read_voc(xml, find_image=False).prelabel is None and not doc.dirty
