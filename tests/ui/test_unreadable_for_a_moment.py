"""A folder unreadable for a moment while the user steps onto an image (a network share's hiccup, a sync
tool, a chmod); access back, they draw on "GT: none" and press Ctrl+S. Before: the window asked "Overwrite
unreadable annotation? … could not be read: … Permission denied" from the error of that moment, and Yes
replaced the annotation, readable and valid by then. Now the file is looked at again: readable, it is
another program's version (Keep mine / Take theirs / Show both), and no overwrite question is asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait
from .unreadable_paths import show_while_not_a_file_to_look_at

C = 2  # c.png: a cat at (20, 20, 60, 60); its prediction is a dog at (22, 22, 62, 62)


def _shown_while_denied(window, monkeypatch, xml: Path) -> None:
    assert window.session.store.loaded(C) is None  # read when shown, below
    show_while_not_a_file_to_look_at(window, monkeypatch, xml, C)
    doc = window.session.store.document(C)
    assert "cannot check the annotation file: Permission denied" in doc.load_error and not doc.objects


def _asked_which_to_keep(window, monkeypatch, choice) -> list[str]:
    asked = []

    def ask(doc):
        asked.append(doc.annotation_path.name)
        return choice

    monkeypatch.setattr(window.guard, "ask_conflict", ask)
    return asked


def test_ctrl_s_asks_which_to_keep_and_never_overwrites_the_good_file(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    xml = folder / "c.xml"
    before = xml.read_bytes()
    _shown_while_denied(window, monkeypatch, xml)
    window.accept_prediction()  # a box drawn on "GT: none"
    assert window.has_unsaved()
    answers["queue"] = [QMessageBox.Yes]  # the old overwrite question would take it
    asked = _asked_which_to_keep(window, monkeypatch, save_guard.CANCEL)
    assert not window.save_current()
    assert answers["questions"] == [] and asked == ["c.xml"]
    assert xml.read_bytes() == before and window.has_unsaved()

    asked = _asked_which_to_keep(window, monkeypatch, save_guard.TAKE_THEIRS)
    window.save_current()
    assert asked == ["c.xml"] and answers["questions"] == []
    doc = window.session.store.document(C)
    assert [(o.name, o.box) for o in doc.objects] == [("cat", Box(20, 20, 60, 60))]
    assert doc.load_error is None and not doc.dirty and window.session.model.status[C] != "error"
    assert xml.read_bytes() == before


def test_keep_mine_writes_my_box(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    _shown_while_denied(window, monkeypatch, folder / "c.xml")
    window.accept_prediction()
    asked = _asked_which_to_keep(window, monkeypatch, save_guard.KEEP_MINE)
    assert window.save_current()
    assert asked == ["c.xml"] and answers["questions"] == []
    assert [(o.name, o.box) for o in read_voc(folder / "c.xml").objects] == [("dog", Box(22, 22, 62, 62))]
