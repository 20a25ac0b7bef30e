"""A folder-wide class rename (Edit → Classes → Rename) is not a review of the images it relabels.

Before, Save All after a rename wrote every renamed pre-label (`petloc predict --write-voc`) without its
pre-label mark, so boxes nobody had looked at became ground truth (`petloc train` validated on them),
and the message said nothing of it. Now a pre-label whose only change is the rename stays an unreviewed
pre-label (its label renamed), the message says how many, and any edit of the image itself (a box moved,
relabelled by hand, accepted, marked verified, drawn or deleted) still makes its save a review.
"""

from __future__ import annotations

from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc
from petloc_gui.ui.editing.edit_controller import EditController

from .conftest import open_and_wait, write_image

MARK = "petloc pre-label by petloc predict, model pets (pets-1)"
MODEL_BOX = Box(10, 10, 50, 50)


def _prelabel(image, name="cat", box=MODEL_BOX, size=(120, 90)):
    """``image``'s annotation file as `petloc predict --write-voc` writes it: one box, marked a pre-label."""
    annotation = new_annotation(image, *size)
    annotation.objects.append(VocObject(name=name, box=box))
    annotation.prelabel = MARK
    write_voc(annotation, image.with_suffix(".xml"))
    return image.with_suffix(".xml")


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    return ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=window)


def test_a_prelabel_never_opened_stays_one_after_a_rename_and_save_all(qtbot, window, folder):
    # a.png and c.png: a model's pre-labels (cat) nobody opened; e.png: a person's dog, untouched
    a_xml, c_xml = _prelabel(folder / "a.png"), _prelabel(folder / "c.png", box=Box(20, 20, 60, 60))
    open_and_wait(qtbot, window, folder)
    window.show_row(4)  # e.png: neither pre-label is ever shown
    result = _editor(window).rename("cat", "feline")
    assert result.startswith("Renamed cat to feline on 2 boxes in 2 images (unsaved: Save all writes them, and "
                                 "predefined_classes.txt with them).")
    assert "Both images are unreviewed pre-labels: a rename is no review, so they stay pre-labels when saved." \
        in result
    assert window.save_all()
    for xml in (a_xml, c_xml):
        saved = read_voc(xml)
        assert saved.unreviewed and saved.prelabel == MARK  # the pre-label's mark is kept
        assert [o.name for o in saved.objects] == ["feline"]  # with its label renamed
        assert b"petloc_box_source" not in xml.read_bytes()  # no box mark: the file's mark says it all
    assert window.session.store.document(0).status() == "prelabel"


def test_a_prelabel_moved_then_renamed_is_saved_reviewed(qtbot, window, folder):
    a_xml = _prelabel(folder / "a.png")
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    assert window.edits.nudge(3, 0)  # a person moved its box
    window.show_row(4)
    result = _editor(window).rename("cat", "feline")
    assert "pre-label" not in result  # a.png is reviewed now: no pre-label stays one
    assert window.save_all()
    saved = read_voc(a_xml)
    assert not saved.unreviewed and saved.prelabel is None
    assert saved.objects[0].name == "feline" and saved.objects[0].accepted_from is None  # the person's box


def _opened(image, size=(120, 90)):
    doc = read_document(image, image.with_suffix(".xml"), size)
    doc.image_size = size  # decoded for the window
    edits = EditController()
    edits.set_document(0, doc)
    return edits, doc


def _saved_prelabel(xml) -> bool:
    return read_voc(xml).unreviewed


def test_each_edit_of_the_image_itself_makes_the_save_a_review(qtbot, tmp_path):
    edits_of_the_image = {
        "moved": lambda edits: edits.nudge(1, 0),
        "relabelled": lambda edits: edits.set_label("dog"),
        "accepted": lambda edits: edits.accept_prediction("cat", Box(30, 30, 70, 70), "pets"),
        "verified": lambda edits: edits.toggle_verified(),
        "drawn": lambda edits: edits.add_box(Box(60, 40, 100, 80), "dog"),
        "deleted": lambda edits: edits.delete_selected(),
    }
    for what, edit in edits_of_the_image.items():
        image = tmp_path / f"{what}.png"
        write_image(image)
        xml = _prelabel(image)
        edits, doc = _opened(image)
        assert edit(edits), what
        edits.rename_in(0, doc, "cat", "feline")
        assert not doc.stays_prelabel, what
        save_document(doc)
        assert not _saved_prelabel(xml), what


def test_an_edit_undone_is_no_review_but_its_undo_after_a_save_is(qtbot, folder):
    xml = _prelabel(folder / "a.png")
    edits, doc = _opened(folder / "a.png")
    assert edits.nudge(1, 0) and edits.nudge(1, 0)  # two nudges, merged into one step
    edits.stack().undo()  # the box is back where the model put it
    assert edits.stack().count() == 1 and doc.primary.box == Box(10, 10, 50, 50)
    edits.rename_in(0, doc, "cat", "feline")
    assert doc.stays_prelabel
    save_document(doc)
    assert _saved_prelabel(xml) and read_voc(xml).objects[0].name == "feline"
    edits.stack().undo()  # the rename undone after the save: a rename back, still no review
    assert doc.dirty and doc.stays_prelabel
    save_document(doc)
    assert _saved_prelabel(xml) and read_voc(xml).objects[0].name == "cat"


def test_a_renamed_prelabel_reads_back_with_its_label_as_the_models(qtbot, folder):
    """A pre-label kept through a rename reads back with the renamed label as the model's (the pre-label
    reader takes each box's name as proposed): saved later without moving its box, its label is accepted."""
    xml = _prelabel(folder / "a.png")
    edits, doc = _opened(folder / "a.png")
    edits.rename_in(0, doc, "cat", "feline")
    save_document(doc)
    edits, doc = _opened(folder / "a.png")
    edits.toggle_verified()
    save_document(doc)
    saved = read_voc(xml)
    assert not saved.unreviewed
    assert saved.objects[0].label_accepted_from == "model pets (pets-1)"


def test_a_renamed_prelabel_nobody_opened_keeps_the_box_free_and_asks_for_the_label(qtbot, window, folder):
    """A pre-label renamed folder-wide is the model's box still: a box of the model's own class replaces it at
    once, as on any untouched pre-label (it did ask, as over a person's box). Its label is the person's rename:
    one A put the model's old name back unsaid (the rename undone on that image); it asks first now."""
    from petloc_gui.core.boxes import Box
    from petloc_gui.ui.editing.accept_guard import ASK_AGAIN_LABEL
    from petloc_gui.ui.review.class_editor import ClassEditor

    from .conftest import PRED
    from .test_accept_asks_before_replacing import _boxes, _prelabel

    _prelabel(folder, Box(5, 5, 45, 45))  # d.png: a pre-label dog; the model says cat elsewhere
    open_and_wait(qtbot, window, folder)
    editor = ClassEditor(window.session, window.edits, lambda: (), host=window)
    editor.rename("dog", "hound")
    window.show_row(3)
    assert _boxes(window, 3) == [("hound", Box(5, 5, 45, 45))]
    window.act["accept"].trigger()  # the model's label "cat" would replace the person's "hound": asked
    assert _boxes(window, 3) == [("hound", Box(5, 5, 45, 45))]
    assert window.statusBar().currentMessage() not in ("", ASK_AGAIN_LABEL)  # (the box moves too: "your box")
    qtbot.wait(120)  # a second press, not the key held
    window.act["accept"].trigger()
    assert _boxes(window, 3) == [("cat", PRED["d.png"].box)]
    window.act["undo"].trigger()
    editor.rename("hound", "cat")  # the model's own class again: A takes the model's box at once
    window.show_row(3)
    window.act["accept"].trigger()
    assert _boxes(window, 3) == [("cat", PRED["d.png"].box)]
