"""A save that finds the file changed on disk to exactly what the window shows: the user's edits, unsaved, and
another program's version with the same boxes, labels and verified mark. The save asked which version to keep,
and "Take theirs" said "Ctrl+Z brings your edits back" with Undo greyed out (no step: nothing changed on screen).
Now nothing is asked: the disk version is taken (its other fields kept), the image is saved as far as anyone can
see, and the status line says so, promising no Ctrl+Z.

"The same" is what a save of mine would write, not only what is shown: the box A accepted here is the user's review
with its accepted-from mark (ADR 0013), and a file of that box marked as a model's unreviewed pre-label, or without
the mark, is another version, asked about (it was taken unasked, the review gone with no Ctrl+Z, autosave too).
Only what is the user's counts, though: an object's pose, truncated, difficult and occluded fields are never shown
nor edited here (mine are the file's as read, or defaults), so another tool's values of them (labelImg's truncated
at an image edge) make no other version: Ctrl+S asked about two versions that looked the same, and autosave failed.
Nor does the pre-label mark of a verified file, a person's whatever its mark says (V here, then the same file written
verified with the mark kept was asked about)."""

from __future__ import annotations

from petloc_gui.core import voc
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import PRELABEL_PREFIX, VocObject, new_annotation, write_voc

from .conftest import open_and_wait, write_annotation
from .test_conflict_names_the_change import conflict  # noqa: F401 - the question as shown, a fixture
from .test_unread_annotation_taken_without_undo import C, _on_disk, _opened_during_an_outage, _shown

SAME = "c.xml was {}; it shows what you see here, so there is nothing to save."
D = 3  # d.png: no annotation, the model predicts a box (conftest)


def _written_as_saved(image, objects, prelabel: str | None = None) -> None:
    """The file another program writes: ``objects`` with their accepted-from marks, as a save of them writes them."""
    annotation = new_annotation(image, 120, 90)
    annotation.objects.extend(VocObject(name=o.name, box=o.box, proposed_by=o.proposed_by, proposed_box=o.proposed_box,
                                        proposed_label=o.proposed_label) for o in objects)
    annotation.prelabel = prelabel
    write_voc(annotation, image.with_suffix(".xml"))


def _accepted_on_d(qtbot, window, folder):
    """d.png (no annotation) shown, its prediction accepted with A: a box marked as accepted from the model."""
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    doc = window.session.store.document(D)
    window.accept_prediction()
    assert doc.objects and doc.objects[0].accepted_from is not None and doc.dirty
    return doc


def _never_asked(monkeypatch, window) -> list:
    asked: list = []
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: asked.append(doc) or "theirs")
    return asked


def _saved_as_theirs(window, folder, doc, mine, asked, what="changed on disk by another program") -> None:
    assert window.save_current()  # Ctrl+S
    assert asked == []
    assert _shown(doc) == mine and not doc.dirty and not window.has_unsaved()
    assert _on_disk(folder) == mine
    said = window.statusBar().currentMessage()
    assert said == SAME.format(what) and "Ctrl+Z" not in said


def test_an_unread_file_written_as_the_accepted_prediction_is_not_asked_about(
        qtbot, window, folder, answers, monkeypatch):
    """The reviewer's case: GT unreadable, A accepts the prediction, the other program finishes writing the file
    with that very box, Ctrl+S."""
    _session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch)
    window.accept_prediction()
    mine = _shown(doc)
    assert mine and doc.dirty and not doc.verified
    _written_as_saved(folder / "c.png", doc.objects)  # (its accepted-from mark too: a save of mine writes it)
    asked = _never_asked(monkeypatch, window)
    _saved_as_theirs(window, folder, doc, mine, asked)
    assert not window.edits.stack_for(C).canUndo()  # (and no Ctrl+Z was promised)


def test_an_edit_the_other_program_made_too_is_not_asked_about(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    window.edits.set_label("dog")
    mine = [("dog", Box(20, 20, 60, 60))]
    assert _shown(doc) == mine and doc.dirty
    write_annotation(folder / "c.png", mine)
    asked = _never_asked(monkeypatch, window)
    _saved_as_theirs(window, folder, doc, mine, asked)


def test_a_different_version_is_still_asked_about(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    window.edits.set_label("dog")
    write_annotation(folder / "c.png", [("bird", Box(20, 20, 60, 60))])
    asked = _never_asked(monkeypatch, window)
    window.save_current()
    assert asked == [doc]
    assert _shown(doc) == [("bird", Box(20, 20, 60, 60))] and window.edits.stack_for(C).canUndo()
    assert "Ctrl+Z brings your edits back" in window.statusBar().currentMessage()


def test_discard_mine_over_no_box_promises_no_ctrl_z(qtbot, window, folder, answers, conflict):  # noqa: F811
    """Every box deleted here, the file deleted by another program: Discard mine shows what was shown (no box),
    so no undo step is made, and Ctrl+Z would bring back the box read, not "your edits": neither the question
    nor the status line promises it."""
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    window.edits.selected = 0
    assert window.edits.delete_selected() and _shown(doc) == [] and doc.dirty
    (folder / "c.xml").unlink()
    conflict["click"] = "Discard mine"
    window.save_current()
    assert conflict["asked"] == 1 and not doc.dirty and _shown(doc) == []
    assert "Discard mine: leave it deleted, with no annotation shown." in conflict["info"]
    said = window.statusBar().currentMessage()
    assert said.startswith("c.xml was deleted by another program: no annotation is shown now")
    assert "Ctrl+Z" not in said + conflict["info"]


def test_a_pre_label_of_the_box_accepted_here_is_asked_about(qtbot, window, folder, conflict):  # noqa: F811
    """The reviewer's case: A on an image with no annotation, then a pre-label run writes that very box, marked as
    another model's unreviewed pre-label. Ctrl+S took it unasked; Keep mine writes the review, the mark mine."""
    doc = _accepted_on_d(qtbot, window, folder)
    mine = doc.objects[0].accepted_from
    _written_as_saved(folder / "d.png", [VocObject(name=o.name, box=o.box) for o in doc.objects],
                      prelabel=f"{PRELABEL_PREFIX} by petloc predict, model other")
    conflict["click"] = "Keep mine"
    assert window.save_current()
    assert conflict["asked"] == 1 and not doc.dirty
    read = voc.read_voc(folder / "d.xml", find_image=False)
    assert not read.unreviewed and read.prelabel is None and read.objects[0].accepted_from == mine


def test_a_pre_label_by_the_model_accepted_here_is_asked_about(qtbot, window, folder, conflict):  # noqa: F811
    """The same box, the same model: only the file's pre-label mark differs from what a save writes (the review
    A made), and autosave does not take it either."""
    doc = _accepted_on_d(qtbot, window, folder)
    mark = f"{PRELABEL_PREFIX} by petloc predict, {doc.objects[0].accepted_from}"
    _written_as_saved(folder / "d.png", doc.objects, prelabel=mark)
    assert voc.read_voc(folder / "d.xml", find_image=False).objects[0].accepted_from == doc.objects[0].accepted_from
    window.guard.save_rows([D], quiet=True)  # (autosave's save)
    assert conflict["asked"] == 0 and doc.dirty  # (autosave asks nothing, and keeps the edits)
    assert voc.read_voc(folder / "d.xml", find_image=False).prelabel == mark
    conflict["click"] = "Keep mine"
    assert window.save_current()
    assert conflict["asked"] == 1 and voc.read_voc(folder / "d.xml", find_image=False).prelabel is None


def test_the_accepted_box_without_its_mark_is_asked_about_and_taking_it_is_undoable(
        qtbot, window, folder, conflict):  # noqa: F811
    """The same box in a file that does not say it was accepted from the model (ADR 0013): Take theirs drops the
    mark, so its Ctrl+Z, promised, brings the accepted box back."""
    doc = _accepted_on_d(qtbot, window, folder)
    mine = list(doc.objects)
    write_annotation(folder / "d.png", [(o.name, o.box) for o in mine])
    conflict["click"] = "Take theirs"
    window.save_current()
    assert conflict["asked"] == 1 and not doc.dirty and doc.objects[0].accepted_from is None
    assert "Ctrl+Z brings your edits back" in window.statusBar().currentMessage()
    window.edits.stack_for(D).undo()
    assert doc.objects == mine and doc.dirty


def _theirs_with_other_kept_fields(folder) -> None:
    """labelImg's file of the box and label shown: its pose, and truncated at an image edge (its rule)."""
    annotation = new_annotation(folder / "c.png", 120, 90)
    annotation.objects.append(VocObject(name="dog", box=Box(20, 20, 60, 60), pose="Frontal", truncated=True))
    write_voc(annotation, folder / "c.xml")


def _relabelled_dog(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    window.edits.set_label("dog")
    assert doc.dirty and not doc.objects[0].truncated and doc.objects[0].pose != "Frontal"
    return doc


def test_fields_the_window_never_shows_nor_edits_are_not_asked_about(qtbot, window, folder, answers, monkeypatch):
    """Only the pose and truncated fields differ: nothing to choose, theirs taken with its fields, no Ctrl+Z made."""
    doc = _relabelled_dog(qtbot, window, folder)
    _theirs_with_other_kept_fields(folder)
    asked = _never_asked(monkeypatch, window)
    steps = window.edits.stack_for(C).count()
    _saved_as_theirs(window, folder, doc, [("dog", Box(20, 20, 60, 60))], asked)
    assert doc.objects[0].truncated and doc.objects[0].pose == "Frontal"
    assert window.edits.stack_for(C).count() == steps  # (no step whose Ctrl+Z changes nothing on screen)
    read = voc.read_voc(folder / "c.xml", find_image=False).objects[0]
    assert read.truncated and read.pose == "Frontal"  # (their file, left as it is)


def test_autosave_over_fields_the_window_never_shows_saves(qtbot, window, folder, answers):
    """Autosave's quiet save failed with "not saved. Your edits are kept: save it to choose which version to keep"
    every time, over a question with nothing to choose."""
    doc = _relabelled_dog(qtbot, window, folder)
    _theirs_with_other_kept_fields(folder)
    failures: list = []
    assert window.guard.save_rows([C], quiet=True, failures_out=failures)
    assert failures == [] and not doc.dirty and not window.has_unsaved()
    assert _shown(doc) == [("dog", Box(20, 20, 60, 60))] and doc.objects[0].truncated


def test_a_verified_file_keeping_its_pre_label_mark_is_not_asked_about(qtbot, window, folder, answers, monkeypatch):
    """c.xml a model's pre-label, V pressed here, and another program writes the same boxes verified="yes" keeping
    the mark: a verified file is a person's whatever its mark says (`VocAnnotation.unreviewed`), as a save of
    mine (no mark once verified) would make it, so nothing is asked."""
    mark = f"{PRELABEL_PREFIX} by petloc predict, model other"
    _written_as_saved(folder / "c.png", [VocObject(name="cat", box=Box(20, 20, 60, 60))], prelabel=mark)
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    assert doc.prelabel and window.edits.toggle_verified() and doc.dirty and doc.prelabel_mark is None
    annotation = voc.read_voc(folder / "c.xml", find_image=False)
    annotation.verified = True
    write_voc(annotation, folder / "c.xml")
    assert not voc.read_voc(folder / "c.xml", find_image=False).unreviewed
    asked = _never_asked(monkeypatch, window)
    _saved_as_theirs(window, folder, doc, [("cat", Box(20, 20, 60, 60))], asked)
    assert doc.verified and not doc.prelabel


def test_a_mark_making_a_persons_box_a_models_is_still_asked_about(qtbot, window, folder, answers, monkeypatch):
    """The person's box of c.xml, V pressed here, and a file of that box verified under a model's pre-label mark:
    read, the mark makes the box that model's, accepted (ADR 0013), which a save of mine does not write."""
    open_and_wait(qtbot, window, folder)
    window.show_row(C)
    doc = window.session.store.document(C)
    assert window.edits.toggle_verified() and doc.objects[0].accepted_from is None
    _written_as_saved(folder / "c.png", doc.objects, prelabel=f"{PRELABEL_PREFIX} by petloc predict, model other")
    annotation = voc.read_voc(folder / "c.xml", find_image=False)
    annotation.verified = True
    write_voc(annotation, folder / "c.xml")
    assert voc.read_voc(folder / "c.xml", find_image=False).objects[0].accepted_from is not None
    asked = _never_asked(monkeypatch, window)
    window.save_current()
    assert asked == [doc]
