"""With autosave on, leaving the folder saves without asking. An edited image that cannot be saved (its
image renamed away) used to keep the window open for ever: the save was refused, the warning said "choose
Discard when asked again", and no question was ever asked. Now what autosave could not save is asked
about with the Save All / Discard / Cancel question, saying why; the images it saved stay saved."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import edit_b, open_and_wait


def _edit_c_and_b_then_lose_b(window, folder) -> None:
    window.act["autosave"].setChecked(True)
    window.show_row(2)  # c.png: its box moves to the prediction's
    window.accept_prediction()
    edit_b(window)  # autosave saved c.png on the way to b.png
    (folder / "b.png").rename(folder / "b_renamed.png")


def test_close_asks_about_what_autosave_could_not_save_and_discard_closes(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    _edit_c_and_b_then_lose_b(window, folder)
    answers["queue"] = [QMessageBox.Discard]
    assert window.close()
    assert len(answers["questions"]) == 1 and not answers["warnings"]  # asked, not told to wait for a question
    lines = answers["questions"][0].splitlines()
    assert lines[0] == "Autosave could not save 1 image, which still has unsaved changes:"
    assert lines[1].startswith("  • b.png (image gone from the folder")
    assert any("the image b.png is no longer in" in line for line in lines)  # why
    assert read_voc(folder / "c.xml", find_image=False).objects[0].box == Box(22, 22, 62, 62)  # stays saved


def test_cancel_keeps_the_folder_and_the_edit_then_reload_asks_again(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    _edit_c_and_b_then_lose_b(window, folder)
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.close()
    assert window.session.store.dirty_indices() == [1]
    answers["queue"] = [QMessageBox.Discard]
    assert window.guard.confirm_leave(reload=True)  # F5: the same question, and Discard lets it go
    assert "Try to save it again before the folder is read again?" in answers["questions"][1]


def test_autosave_that_saves_everything_asks_nothing(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    edit_b(window)
    assert window.guard.confirm_leave()
    assert not answers["questions"] and not window.has_unsaved()
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)
