"""Another program rewrites an open image's file with the boxes, labels and verified flag it had (its
bytes alone differ: another tool's layout, a field the window does not show). Reloading it pushed a
"Reload from disk" undo step all the same, so the next Ctrl+Z did nothing anyone could see (and a
second was needed to undo the edit before). Nothing the user can see changes: no undo step now; the
file's version is taken all the same (what a save writes it against, its fields kept)."""

from __future__ import annotations

import dataclasses

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc, write_voc
from petloc_gui.ui.review import save_guard

from ..conftest import GT, open_and_wait


def _rewritten_alike(xml, **fields) -> None:
    """``xml`` written again by another program: the same boxes and labels, other bytes."""
    annotation = read_voc(xml, find_image=False)
    annotation.objects = [dataclasses.replace(o, _element=None, _saved=None, **fields) for o in annotation.objects]
    before = xml.read_bytes()
    write_voc(annotation, xml)
    xml.write_bytes(xml.read_bytes().replace(b"<annotation>", b"<annotation>\n  <!-- another tool -->", 1))
    assert xml.read_bytes() != before


def _undo_steps(window) -> list[str]:
    stack = window.edits.stack()
    return [stack.text(i) for i in range(stack.count())]


def test_a_rewrite_with_the_same_boxes_adds_no_undo_step(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat 10,10,50,50
    edits, doc = window.edits, window.edits.doc
    assert edits.nudge(1, 0)
    assert window.save_current()
    _rewritten_alike(folder / "a.xml")
    window.session.watchers.disk.check()
    assert _undo_steps(window) == ["Nudge box"]  # no "Reload from disk" that would change nothing
    assert edits.stack().isClean() and not doc.dirty and not window.has_unsaved()
    edits.stack().undo()  # Ctrl+Z undoes the nudge at once
    assert doc.objects[0].box == Box(10, 10, 50, 50) and doc.dirty


def test_the_file_s_fields_the_window_does_not_show_are_taken_without_an_undo_step(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    doc = window.edits.doc
    _rewritten_alike(folder / "a.xml", difficult=True, pose="Left")
    window.session.watchers.disk.check()
    assert window.edits.stack().count() == 0 and not doc.dirty
    assert (doc.objects[0].difficult, doc.objects[0].pose) == (True, "Left")  # theirs, kept by a save
    assert window.edits.nudge(1, 0) and window.save_current()
    saved = read_voc(folder / "a.xml", find_image=False).objects[0]
    assert (saved.box, saved.difficult, saved.pose) == (Box(11, 10, 51, 50), True, "Left")


def test_taking_their_version_that_shows_what_mine_does_adds_no_undo_step(qtbot, window, folder, monkeypatch):
    """Under edits, a version on disk showing the very boxes of the edits is taken without a question (it asked,
    and Take theirs promised a Ctrl+Z back to them): it changes nothing, and adds no undo step."""
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    edits, doc = window.edits, window.edits.doc
    assert edits.nudge(1, 0)
    mine = [(o.name, o.box) for o in doc.objects]
    xml = folder / "a.xml"
    _rewritten_alike(xml)
    annotation = read_voc(xml, find_image=False)
    annotation.objects = [dataclasses.replace(o, box=Box(11, 10, 51, 50)) for o in annotation.objects]
    write_voc(annotation, xml)  # another program made my edit too
    window.session.watchers.disk.check()
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: pytest.fail("asked which version to keep"))
    assert window.save_current()  # their version taken (nothing written, nothing failed)
    assert window.statusBar().currentMessage() == ("a.xml was changed on disk by another program; it shows what "
                                                   "you see here, so there is nothing to save.")
    assert [(o.name, o.box) for o in doc.objects] == mine and not doc.dirty
    assert _undo_steps(window) == ["Nudge box"]
    edits.stack().undo()
    assert [(o.name, o.box) for o in doc.objects] == GT["a.png"] and doc.dirty


def test_show_both_when_theirs_has_all_my_boxes_adds_no_second_step(qtbot, window, folder, monkeypatch):
    """Show both versions: theirs plus my boxes it lacks. When it lacks none (another program made my
    edit and added a box), that is their version as reloaded: a "Show both versions" step on top of the
    "Reload from disk" one changed nothing, and the Ctrl+Z after it seemed to do nothing."""
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    edits, doc = window.edits, window.edits.doc
    assert edits.nudge(1, 0)  # cat 11,10,51,50
    xml = folder / "a.xml"
    annotation = read_voc(xml, find_image=False)
    annotation.objects = [dataclasses.replace(o, box=Box(11, 10, 51, 50)) for o in annotation.objects]
    annotation.objects.append(dataclasses.replace(annotation.objects[0], name="dog", box=Box(60, 5, 100, 40),
                                                  _element=None, _saved=None))
    write_voc(annotation, xml)  # another program made my edit, and added a dog
    window.session.watchers.disk.check()
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: save_guard.SHOW_BOTH)
    assert window.save_current()
    theirs = [("cat", Box(11, 10, 51, 50)), ("dog", Box(60, 5, 100, 40))]
    assert [(o.name, o.box) for o in doc.objects] == theirs and not doc.dirty
    assert _undo_steps(window) == ["Nudge box", "Reload from disk"]
    edits.stack().undo()  # Ctrl+Z: my edit again, without their dog
    assert [(o.name, o.box) for o in doc.objects] == [("cat", Box(11, 10, 51, 50))]
