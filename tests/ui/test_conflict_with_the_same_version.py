"""A save that finds the file changed on disk to exactly what the window shows: the user's edits, unsaved, and
another program's version with the same boxes, labels and verified mark. The save asked which version to keep,
and "Take theirs" said "Ctrl+Z brings your edits back" with Undo greyed out (no step: nothing changed on screen).
Now nothing is asked: the disk version is taken (its other fields kept), the image is saved as far as anyone can
see, and the status line says so, promising no Ctrl+Z."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation
from .test_conflict_names_the_change import conflict  # noqa: F401 - the question as shown, a fixture
from .test_unread_annotation_taken_without_undo import C, _on_disk, _opened_during_an_outage, _shown

SAME = "c.xml was {}; it shows what you see here, so there is nothing to save."


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
    write_annotation(folder / "c.png", mine)
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
