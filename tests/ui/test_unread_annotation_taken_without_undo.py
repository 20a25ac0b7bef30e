"""An annotation whose read failed (its folder unreadable for a moment, a network share dropping, a read error of
the file alone) shows no box: that empty list is no version of anyone's. Taken from disk once it can be read,
the file came in as a "Reload from disk" undo step on top of it: Ctrl+Z on an image the user never edited made it
"GT: none · unsaved", and Ctrl+S wrote the file without its <object>. Now the disk version is taken as a first
read takes it: nothing to undo, nothing unsaved; with edits made on the empty image meanwhile, they are one
Ctrl+Z away and nothing before them is."""

from __future__ import annotations

import pytest

from petloc_gui.core import voc
from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import AnnotationError
from petloc_gui.ui.review import save_guard

from . import unreadable_paths
from .conftest import open_and_wait, wait_image_shown

C = 2  # c.png: a cat at (20, 20, 60, 60)
CAT = [("cat", Box(20, 20, 60, 60))]

fast_poll = unreadable_paths.fast_poll  # the fixture, for the tests below


def _shown(doc):
    return [(o.name, o.box) for o in doc.objects]


def _on_disk(folder):
    return [(o.name, o.box) for o in voc.read_voc(folder / "c.xml", find_image=False).objects]


def _opened_during_an_outage(qtbot, window, folder, monkeypatch):
    """c.png stepped onto while its folder cannot be read (every stat and open of c.xml refused)."""
    with unreadable_paths.shown_while_unreadable(qtbot, window, folder, monkeypatch, C, folder / "c.xml") as session:
        doc = session.store.document(C)
        assert "cannot check the annotation file: Permission denied" in doc.load_error
        assert _shown(doc) == []
    return session, doc


def _opened_with_a_failed_read(qtbot, window, folder, monkeypatch):
    """c.png stepped onto while reading c.xml fails once (an I/O hiccup of the file alone): its state is
    recorded from the good file a moment later, so no watcher sees a change when it reads fine again."""
    open_and_wait(qtbot, window, folder)
    session = window.session

    def refused(path, *args, **kwargs):
        raise AnnotationError("cannot read", path) from PermissionError(13, "Permission denied")

    with monkeypatch.context() as hiccup:
        hiccup.setattr(voc, "read_voc", refused)
        session.show(C)
        wait_image_shown(qtbot, window)
    doc = session.store.document(C)
    assert doc.load_error is not None and doc.disk_state is not None and _shown(doc) == []
    return session, doc


def _nothing_to_undo_and_the_box_kept(window, folder, doc):
    stack = window.edits.stack_for(C)
    assert _shown(doc) == CAT and not doc.dirty and not window.has_unsaved()
    assert not stack.canUndo(), f"undo would bring back the failed read's empty list: {stack.undoText()!r}"
    stack.undo()  # Ctrl+Z: nothing
    assert _shown(doc) == CAT and not doc.dirty
    assert window.save_current()  # Ctrl+S
    assert _on_disk(folder) == CAT


def test_access_back_after_an_outage_takes_the_file_with_nothing_to_undo(
        qtbot, window, folder, answers, fast_poll, monkeypatch):
    _session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch)
    qtbot.waitUntil(lambda: doc.load_error is None, timeout=5000)  # the poll: access back
    assert window.statusBar().currentMessage() == "c.xml can be read again: shown."
    _nothing_to_undo_and_the_box_kept(window, folder, doc)


def test_a_failed_read_of_the_file_alone_then_ctrl_s_takes_the_file_with_nothing_to_undo(
        qtbot, window, folder, answers, monkeypatch):
    session, doc = _opened_with_a_failed_read(qtbot, window, folder, monkeypatch)
    assert session.watchers.disk.check() == 0  # the same file as recorded: no news for the watcher
    assert window.save_current()  # Ctrl+S: readable now, so it is taken, not written over
    _nothing_to_undo_and_the_box_kept(window, folder, doc)


@pytest.mark.parametrize("answer", [save_guard.TAKE_THEIRS, save_guard.SHOW_BOTH])
def test_edits_made_during_the_outage_are_one_ctrl_z_away_and_no_further(
        qtbot, window, folder, answers, monkeypatch, answer):
    session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch)
    window.accept_prediction()  # the empty image gets the prediction (a dog), unsaved
    mine = _shown(doc)
    assert mine and mine != CAT and doc.dirty
    assert session.watchers.disk.check() == 1  # access back: flagged, nothing taken
    monkeypatch.setattr(window.guard, "ask_conflict", lambda _doc: answer)
    window.save_current()  # the question which version to keep
    stack = window.edits.stack_for(C)
    while stack.canUndo():
        stack.undo()
    assert _shown(doc) == mine  # my edits: kept one (or, after Show both, two) Ctrl+Z away ...
    assert doc.dirty  # ... and never the failed read's empty list, which Ctrl+S would write
    assert window.save_current()
    assert _on_disk(folder) == mine


def test_a_file_read_then_changed_on_disk_keeps_its_ctrl_z(qtbot, window, folder, answers, monkeypatch):
    """A file that WAS read and then changed by another program: the boxes shown before stay one Ctrl+Z away."""
    from .conftest import write_annotation

    open_and_wait(qtbot, window, folder)
    session = window.session
    window.show_row(C)
    doc = session.store.document(C)
    assert _shown(doc) == CAT
    write_annotation(folder / "c.png", [("dog", Box(5, 5, 25, 25))])
    assert session.watchers.disk.check() == 1
    assert _shown(doc) == [("dog", Box(5, 5, 25, 25))] and not doc.dirty
    stack = window.edits.stack_for(C)
    assert stack.canUndo()
    stack.undo()
    assert _shown(doc) == CAT and doc.dirty


def test_a_file_that_was_no_annotation_when_read_then_rewritten_is_taken_with_nothing_to_undo(
        qtbot, window, folder, answers, monkeypatch):
    """Read half-written (another program's save caught midway: not an annotation), then complete."""
    whole = (folder / "c.xml").read_bytes()
    (folder / "c.xml").write_bytes(whole[: len(whole) // 2])
    open_and_wait(qtbot, window, folder)
    session = window.session
    window.show_row(C)
    doc = session.store.document(C)
    assert doc.load_error is not None and _shown(doc) == []
    (folder / "c.xml").write_bytes(whole)  # the other program's save done
    assert session.watchers.disk.check() == 1
    _nothing_to_undo_and_the_box_kept(window, folder, doc)
