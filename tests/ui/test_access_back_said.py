"""An annotation read while its folder could not be looked at (a network share's hiccup, a chmod), its
access back: the window reloads it, and said "c.xml was changed on disk by another program: reloaded",
which no program did. It says that the file can be read again; a real change by another program keeps
its words."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from . import unreadable_paths
from .conftest import open_and_wait, wait_image_shown, write_annotation

C, D = 2, 3  # c.png: a cat at (20, 20, 60, 60); d.png: no annotation file


fast_poll = unreadable_paths.fast_poll  # the fixture, for the tests below


def _opened_during_an_outage(qtbot, window, folder, monkeypatch, row: int, name: str, image_too: bool = True):
    open_and_wait(qtbot, window, folder)
    session = window.session
    with monkeypatch.context() as outage:
        unreadable_paths.unreadable(outage, folder / f"{name}.xml", *([folder / f"{name}.png"] if image_too else []))
        session.show(row)
        wait_image_shown(qtbot, window)
        doc = session.store.document(row)
        assert "cannot check the annotation file: Permission denied" in doc.load_error
    return session, doc


def test_a_file_readable_again_is_said_so_not_changed_by_another_program(
        qtbot, window, folder, answers, fast_poll, monkeypatch):
    session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch, C, "c")
    qtbot.waitUntil(lambda: session.store.document(C).load_error is None, timeout=5000)
    assert [(o.name, o.box) for o in doc.objects] == [("cat", Box(20, 20, 60, 60))]
    said = window.statusBar().currentMessage()
    assert said == "c.xml can be read again: shown."
    assert "another program" not in said


def test_no_file_there_once_it_can_be_looked_at_is_said_as_none(
        qtbot, window, folder, answers, fast_poll, monkeypatch):
    session, _doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch, D, "d")
    qtbot.waitUntil(lambda: session.store.document(D).load_error is None, timeout=5000)
    said = window.statusBar().currentMessage()
    assert said == "d.xml can be looked at again: there is none, so no annotation is shown."


def test_a_real_change_by_another_program_keeps_its_words(qtbot, window, folder, answers, monkeypatch):
    session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch, C, "c")
    assert session.watchers.disk.check() == 1  # access back: read again, said as such
    assert doc.load_error is None and doc.disk_state is not None
    write_annotation(folder / "c.png", [("dog", Box(5, 5, 25, 25))])  # now another program rewrites it
    assert session.watchers.disk.check() == 1
    assert [(o.name, o.box) for o in doc.objects] == [("dog", Box(5, 5, 25, 25))]
    assert window.statusBar().currentMessage() == "c.xml was changed on disk by another program: reloaded."


def test_with_edits_on_it_the_save_is_said_to_ask(qtbot, window, folder, answers, monkeypatch):
    session, doc = _opened_during_an_outage(qtbot, window, folder, monkeypatch, C, "c", image_too=False)
    window.accept_prediction()  # the boxes shown (none: the error) get the prediction, unsaved
    assert window.has_unsaved()
    assert session.watchers.disk.check() == 1
    assert window.statusBar().currentMessage() == (
        "c.xml can be looked at again while you have unsaved edits; saving will ask which version to keep.")
    assert doc.external_change is not None and window.has_unsaved()  # flagged, nothing taken
