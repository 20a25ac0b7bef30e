"""Renaming a class into one named "<b>dog" (a label from any VOC file) asked "dog is already a class: …", in
bold and its tags gone: Qt took the question for markup. It names both classes as they are."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from .conftest import class_list_dialog, open_and_wait
from .shown_text import shown


def test_the_merge_question_names_the_classes_as_they_are(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    dialog = class_list_dialog(qtbot, window)
    dialog.add("<b>dog</b>")
    dialog.refresh("cat")
    asked = []
    monkeypatch.setattr(dialog, "_ask_text", lambda *args: ("<b>dog</b>", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.Cancel)
    dialog._ask_rename()
    assert shown(asked[0]).startswith("<b>dog</b> is already a class: every box labelled cat becomes <b>dog</b>")
