"""An annotation file made unreadable by another program while the window holds unsaved edits on it:
Ctrl+S asks whether to replace it (as for a file unreadable at loading), never a dead end."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.voc import read_voc

from .conftest import edit_b, open_and_wait

BROKEN = b"<annotation><object><name>dog</name>"  # cut short: not well-formed


def _broken_by_another_program(folder):
    temporary = folder / "b.xml.part"
    temporary.write_bytes(BROKEN)
    os.replace(temporary, folder / "b.xml")


def test_yes_replaces_the_unreadable_file_with_my_edit(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _broken_by_another_program(folder)
    answers["queue"] = [QMessageBox.Yes]
    assert window.save_current()
    assert len(answers["questions"]) == 1 and "cannot be read" in answers["questions"][0]
    assert answers["warnings"] == []
    assert read_voc(folder / "b.xml").objects[0].name == "dog" and not window.has_unsaved()


def test_no_keeps_both_and_the_next_save_asks_again(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _broken_by_another_program(folder)
    answers["queue"] = [QMessageBox.No, QMessageBox.Yes]
    assert not window.save_current()
    assert (folder / "b.xml").read_bytes() == BROKEN and window.has_unsaved()
    assert "not a readable annotation" in answers["warnings"][0]
    assert window.save_current()  # asked again: Yes this time
    assert len(answers["questions"]) == 2 and read_voc(folder / "b.xml").objects[0].name == "dog"
