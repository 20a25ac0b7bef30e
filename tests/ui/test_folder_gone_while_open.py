"""The open folder renamed or deleted by another program: a save creates nothing and keeps the edits,
and the window says the folder is gone (not "no annotation" on every row)."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard
from petloc_gui.ui.review.file_list import COL_STATUS

from .conftest import edit_b, look_now, open_and_wait


def _no_conflict_question(window, monkeypatch) -> list:
    """The file gone with its folder is no other program's version to choose: never asked."""
    asked: list = []
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: asked.append(doc) or save_guard.CANCEL)
    return asked


def test_saving_into_a_renamed_folder_creates_nothing_and_keeps_the_edit(qtbot, window, folder, answers,
                                                                         monkeypatch):
    open_and_wait(qtbot, window, folder)
    asked = _no_conflict_question(window, monkeypatch)
    edit_b(window)
    moved = folder.with_name("pets_moved")
    folder.rename(moved)
    assert not window.save_current()
    assert not folder.exists()  # not made again at the old path, with b.xml alone in it
    assert answers["warnings"] and "no longer exists (moved or deleted?)" in answers["warnings"][0]
    assert window.has_unsaved() and window.session.store.document(1).dirty and not asked
    assert read_voc(moved / "b.xml").objects[0].box == Box(10, 10, 40, 40)  # the real file untouched
    moved.rename(folder)  # back where it was: the same save now writes there
    assert window.save_current()
    assert read_voc(folder / "b.xml").objects[0].name == "dog" and not window.has_unsaved()


def test_saving_into_a_deleted_folder_creates_nothing(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    _no_conflict_question(window, monkeypatch)
    window.show_row(3)  # d.png: no annotation file yet
    window.accept_prediction()
    shutil.rmtree(folder)
    assert not window.save_current()
    assert not folder.exists()
    assert "no longer exists" in answers["warnings"][0] and window.has_unsaved()


def test_the_window_says_the_folder_is_gone(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    folder.rename(folder.with_name("pets_moved"))
    follower = window.session.watchers.follower
    follower.look()
    qtbot.waitUntil(lambda: not follower.looks.busy, timeout=5000)
    model = window.session.model
    tip = model.data(model.index(model.view_row(model.names.index("c.png")), COL_STATUS), Qt.ToolTipRole)
    assert "no longer exists" in tip  # not "no annotation"
    look_now(qtbot, window)
    assert "no longer exists (moved or deleted?)" in window.statusBar().currentMessage()
    assert model.gone == set(range(len(model.names)))
