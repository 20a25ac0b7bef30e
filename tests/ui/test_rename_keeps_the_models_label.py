"""A box whose label was accepted unchanged from a model keeps it accepted through a class rename, in the
window (Edit → Classes → Rename, `RenameLabelCommand`), its undo and its save.

Before, the rename changed the box's name and left the label the model proposed (`petloc_model_label`)
at the old one, so `label_accepted_from` became None: `petloc evaluate` (person_drawn.n_labelled),
`petloc train` and meta.json counted the rename as a person's correction of the model's label.
"""

from __future__ import annotations

from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.editing.edit_controller import EditController

from .conftest import write_image


def _opened(image, size=(120, 90)):
    doc = read_document(image, image.with_suffix(".xml"), size)
    doc.image_size = size  # decoded for the window
    edits = EditController()
    edits.set_document(0, doc)
    return edits, doc


def test_the_models_label_is_renamed_with_its_class(qtbot, tmp_path):
    """A box accepted unchanged (its label the model's, cat) keeps its label accepted after cat is renamed
    feline: the model's class under its new name; a hand relabel still makes the label a person's."""
    from petloc_gui.core.accepted_boxes import accepted_models, labels_accepted

    image = tmp_path / "a.png"
    write_image(image)
    edits, doc = _opened(image)
    model = "model pets (pets-1)"
    assert edits.accept_prediction("cat", Box(10, 10, 50, 50), "pets", "pets-1")
    edits.rename_in(0, doc, "cat", "feline")
    assert doc.primary.name == "feline" and doc.primary.label_accepted_from == model
    save_document(doc)
    saved = read_voc(image.with_suffix(".xml")).objects[0]
    assert saved.name == "feline" and saved.model_label == "feline" and saved.label_accepted_from == model
    # as `petloc evaluate` counts it: the image's label is the model's, not a person's (not in n_labelled)
    assert labels_accepted(accepted_models([saved])) == {model}

    edits.stack().undo()  # the rename undone: the label and the proposed label are both cat again
    assert doc.primary.name == "cat" and doc.primary.model_label == "cat"
    assert doc.primary.label_accepted_from == model
    edits.stack().redo()
    assert not doc.dirty  # as saved
    assert edits.set_label("dog")  # relabelled by hand: a person's label, as before
    assert doc.primary.label_accepted_from is None and doc.primary.accepted_from == model
