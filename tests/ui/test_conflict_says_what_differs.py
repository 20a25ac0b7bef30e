"""The question a save asks about another program's version ("Changed by another program") said nothing of what
differs between the two versions: a class renamed in two windows (feline against cat) read as any change, to be
looked up by hand before choosing. Now, when it is simple (a label only, a box only, how many boxes, the verified
mark), the question's last line says it; anything else is left unsaid."""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc

from .conftest import open_and_wait, write_annotation
from .test_conflict_for_the_rest import conflict as conflict  # (the fixture: each question as shown)


@pytest.mark.parametrize(("theirs", "said"), [
    ([("feline", Box(10, 10, 50, 50))], "Only the label differs: yours dog, theirs feline."),
    ([("dog", Box(12, 10, 50, 50))], "Only the box differs (where it is or its size); the label is the same."),
    ([("dog", Box(10, 10, 50, 50)), ("bird", Box(60, 5, 100, 40))], "Yours has 1 box, theirs 2 boxes."),
])
def test_the_question_says_what_differs_when_it_is_simple(qtbot, window, folder, conflict, theirs, said):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("dog")  # a.png: cat 10,10,50,50 -> dog
    window.session.watchers.disk.stop()
    write_annotation(folder / "a.png", theirs)
    assert window.save_current()
    [asked] = conflict["asked"]
    assert asked["text"].splitlines()[-1] == said


def test_the_verified_mark_alone_is_said(qtbot, window, folder, conflict):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    assert window.edits.toggle_verified()  # a.png verified here, unsaved
    window.session.watchers.disk.stop()
    # rewritten by another tool: the same box, not verified, a field the window does not show (its pose)
    annotation = read_voc(folder / "a.xml", find_image=False)
    annotation.objects[0] = dataclasses.replace(annotation.objects[0], pose="Left")
    write_voc(annotation, folder / "a.xml")
    assert window.save_current()
    [asked] = conflict["asked"]
    assert asked["text"].splitlines()[-1] == "Only the verified mark differs: yours is verified, theirs is not."


def test_a_complex_difference_is_not_described(qtbot, window, folder, conflict):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.set_label("dog")
    window.session.watchers.disk.stop()
    write_annotation(folder / "a.png", [("feline", Box(12, 10, 50, 50))])  # a label and a box
    assert window.save_current()
    [asked] = conflict["asked"]
    assert asked["text"].endswith("and you have unsaved edits.")
