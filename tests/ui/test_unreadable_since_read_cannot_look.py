"""An annotation read fine, then made unreadable (mode 000, a share's permissions changed) while the window
holds unsaved edits on it: Ctrl+S asked whether to replace a file "not a readable VOC annotation (cannot
read annotation: Permission denied)", as if another program had broken it. The question says the file
cannot be looked at, and why."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from .conftest import edit_b, open_and_wait


def test_the_question_says_the_file_cannot_be_looked_at(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    before = (folder / "b.xml").read_bytes()
    denied, open_ = os.fspath(folder / "b.xml"), os.open

    def refused(name, *args, **kwargs):  # as mode 000 does (chmod does not stop root, who may run the tests)
        if os.fspath(name) == denied:
            raise PermissionError(13, "Permission denied", denied)
        return open_(name, *args, **kwargs)

    answers["queue"] = [QMessageBox.No]
    with monkeypatch.context() as locked:
        locked.setattr(os, "open", refused)
        assert not window.save_current()
    [question] = answers["questions"]
    assert "cannot be looked at (Permission denied)" in question
    assert "not a readable VOC annotation" not in question
    assert "replaced by another program" not in question and "cannot be looked at now" in question
    said = " ".join(answers["warnings"]) + window.statusBar().currentMessage()
    assert "not saved (the file on disk cannot be looked at" in said, said
    assert (folder / "b.xml").read_bytes() == before and window.has_unsaved()
