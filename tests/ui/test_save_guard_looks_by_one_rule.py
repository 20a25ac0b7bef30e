"""Before a save of an image read with an error, the window looked whether its annotation file was there by
a rule of its own (`save_guard._exists`: exists() or a link, "there" when that cannot be looked at), then
asked `app.annotation_look.unreadable_now`, which looks by `annotation_look.looked_at`: two rules for one
question, free to drift apart. The guard now asks the look alone; what it does is unchanged: a file gone
is written without a question, one that cannot be looked at is asked about, saying why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from petloc_gui.app import annotation_look
from petloc_gui.core.voc import read_voc

from .conftest import open_and_wait
from .unreadable_paths import show_while_not_a_file_to_look_at

C = 2  # c.png: a cat at (20, 20, 60, 60); its prediction is a dog at (22, 22, 62, 62)


def _edited_after_a_failed_read(window, monkeypatch, xml: Path) -> None:
    """c.png shown while its file could not be looked at (its document holds the error), then a box drawn."""
    show_while_not_a_file_to_look_at(window, monkeypatch, xml, C)
    assert "cannot check the annotation file" in window.session.store.document(C).load_error
    window.accept_prediction()
    assert window.has_unsaved()


def test_a_file_gone_since_is_written_without_a_question(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    xml = folder / "c.xml"
    _edited_after_a_failed_read(window, monkeypatch, xml)
    xml.unlink()
    assert window.save_current()
    assert answers["questions"] == [] and not window.has_unsaved()
    assert [o.name for o in read_voc(xml).objects] == ["dog"]


def test_whether_it_is_there_is_the_look_s_to_say(qtbot, window, folder, answers, monkeypatch):
    """One rule: where `looked_at` says the file cannot be looked at, the guard asks, saying why (its own
    rule said "not there" for a file gone, and the save went ahead without a question)."""
    open_and_wait(qtbot, window, folder)
    xml = folder / "c.xml"
    _edited_after_a_failed_read(window, monkeypatch, xml)
    xml.unlink()
    why = f"{xml}: cannot check the annotation file: Input/output error"
    looked_at = annotation_look.looked_at
    monkeypatch.setattr(annotation_look, "looked_at", lambda path: why if path == xml else looked_at(path))
    answers["queue"] = [QMessageBox.No]
    assert not window.save_current()
    [question] = answers["questions"]
    assert "Input/output error" in question
    assert not xml.exists() and window.has_unsaved()
