"""Leaving the folder (close, F5, another folder) with an edit while another program (labelImg) saved its own
version of the file: "Unsaved changes" -> Save All (or autosave) -> "Changed by another program" answered
Show both or Take theirs. The folder used to be left at once: Show both's merge (the user's box beside theirs,
unsaved) was gone from memory and disk with nothing more asked, and Take theirs' "Ctrl+Z brings your edits
back" went with the undo history. Now the folder stays, the status line says why, and leaving again asks
about what is still unsaved (with autosave: saves it)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard

from .conftest import edit_b, open_and_wait, write_annotation

MINE = ("dog", (70.0, 50.0, 110.0, 85.0))  # b.png's box moved to the prediction (`edit_b`)
THEIRS = ("dog", (1.0, 1.0, 30.0, 30.0))


def _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, choice, autosave=False):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(autosave)
    edit_b(window)
    write_annotation(folder / "b.png", [("dog", Box(*THEIRS[1]))])
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: choice)


def _shown(window) -> list[tuple[str, tuple]]:
    return [(o.name, o.box.as_tuple()) for o in window.session.store.document(1).objects]


def _on_disk(folder) -> list[tuple[str, tuple]]:
    return [(o.name, o.box.as_tuple()) for o in read_voc(folder / "b.xml", find_image=False).objects]


@pytest.mark.parametrize("autosave", [False, True])
def test_show_both_on_leaving_stays_and_leaving_again_asks_or_saves(qtbot, window, folder, answers, monkeypatch,
                                                                     autosave):
    _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, save_guard.SHOW_BOTH, autosave)
    answers["queue"] = [] if autosave else [QMessageBox.SaveAll]
    assert not window.guard.confirm_leave()
    assert _shown(window) == [THEIRS, MINE] and window.session.store.document(1).dirty  # nothing lost
    status = window.statusBar().currentMessage()
    assert status.startswith("b.xml: the version on disk plus your boxes it lacks are shown")
    assert "The folder is not closed, so that you can check it first" in status
    assert not answers["warnings"]
    asked = len(answers["questions"])
    if autosave:  # left again: the merge is saved, as autosave does, and the folder may go
        assert window.guard.confirm_leave()
        assert _on_disk(folder) == [THEIRS, MINE]
    else:  # left again: asked again, Discard within reach
        answers["queue"] = [QMessageBox.Discard]
        assert window.guard.confirm_leave()
        assert len(answers["questions"]) == asked + 1 and "b.png" in answers["questions"][-1]


@pytest.mark.parametrize("autosave", [False, True])
def test_take_theirs_on_leaving_stays_so_that_ctrl_z_brings_my_edit_back(qtbot, window, folder, answers,
                                                                          monkeypatch, autosave):
    _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, save_guard.TAKE_THEIRS, autosave)
    answers["queue"] = [] if autosave else [QMessageBox.SaveAll]
    assert not window.guard.confirm_leave(reload=True)
    assert _shown(window) == [THEIRS]
    status = window.statusBar().currentMessage()
    assert status.startswith("b.xml: the version on disk is shown; Ctrl+Z brings your edits back.")
    assert "The folder is not read again" in status
    window.edits.stack().undo()  # the promise holds: the window is still there
    assert _shown(window) == [MINE]


def test_f5_after_show_both_keeps_my_box_then_save_all_writes_both(qtbot, window, folder, answers, monkeypatch):
    _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, save_guard.SHOW_BOTH)
    answers["queue"] = [QMessageBox.SaveAll]
    assert not window.reload_folder()  # F5: Save All -> Show both
    assert _shown(window) == [THEIRS, MINE]
    assert _on_disk(folder) == [THEIRS]  # not saved yet: the user sorts it out
    answers["queue"] = [QMessageBox.SaveAll]  # F5 again: asked again, and Save All writes the merge
    assert window.reload_folder()
    qtbot.waitUntil(lambda: window.session.loading is None)
    assert _on_disk(folder) == [THEIRS, MINE]
    assert _shown(window) == [THEIRS, MINE] and not window.session.store.document(1).dirty


def test_close_after_show_both_keeps_the_window(qtbot, window, folder, answers, monkeypatch):
    _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, save_guard.SHOW_BOTH)
    answers["queue"] = [QMessageBox.SaveAll]
    assert not window.close()
    assert window.isVisible() and _shown(window) == [THEIRS, MINE]


def test_keep_mine_on_leaving_saves_and_leaves(qtbot, window, folder, answers, monkeypatch):
    _edit_b_while_another_program_saves_it(qtbot, window, folder, monkeypatch, save_guard.KEEP_MINE)
    answers["queue"] = [QMessageBox.SaveAll]
    assert window.guard.confirm_leave()
    assert _on_disk(folder) == [MINE]
