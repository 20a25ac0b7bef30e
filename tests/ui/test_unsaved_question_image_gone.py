"""The question on close or reload when an edited image is gone from the folder (renamed, moved,
deleted): a save refuses for it (`core.voc_write.check_image_there`), so the question says it cannot be
saved, and its Save All saves the others, then says which one is left and keeps the window open, the
edits kept (it used to read "(image gone from the folder)" as if saving would write its annotation)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review.save_guard import unsaved_text

from .conftest import edit_b, open_and_wait

CANNOT = "  • b.png (image gone from the folder: cannot be saved; put it back under its name, or Discard)"


def test_the_question_says_an_image_gone_cannot_be_saved():
    lines = unsaved_text(["b.png", "c.png"], gone={"b.png"}).splitlines()
    assert CANNOT in lines and "  • c.png" in lines
    assert ("Save All saves the others, and the folder is not closed while an image gone is unsaved (its edits "
            "are kept); Discard drops every edit listed.") in lines
    only = unsaved_text(["b.png"], gone={"b.png"}, reload=True)
    assert "Save All saves nothing, and the folder is not read again" in only
    assert "Save All" not in unsaved_text(["b.png", "c.png"])  # none gone: the question as it was


def test_save_all_on_close_saves_the_others_and_keeps_the_window_open(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(2)  # c.png: its box moves to the prediction's
    window.accept_prediction()
    edit_b(window)
    (folder / "b.png").rename(folder / "b_renamed.png")
    answers["queue"] = [QMessageBox.SaveAll]
    assert not window.close()
    assert CANNOT in answers["questions"][0].splitlines()
    assert window.isVisible() and window.session is not None
    assert read_voc(folder / "c.xml", find_image=False).objects[0].box == Box(22, 22, 62, 62)  # saved
    assert window.session.store.dirty_indices() == [1]  # b.png's edit kept
    said = answers["warnings"][0]
    assert said.startswith("Saved 1 image. 1 image could not be saved, so the folder is not closed; "
                           "the edits are kept:\n  • b.png\n")
    assert "the image b.png is no longer in" in said and "choose Discard when asked again" in said
    answers["queue"] = [QMessageBox.Discard]  # asked again, the user lets the edit go
    assert window.close()
    assert answers["questions"][1].splitlines()[1] == CANNOT  # c.png saved: b.png alone is asked about
