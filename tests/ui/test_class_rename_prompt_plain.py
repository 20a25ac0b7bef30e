"""The Rename prompt named the class in Qt's AutoText: renaming "<b>cat</b>" read "New name for cat:", cat in bold
and its tags gone. It names the class as it is."""

from __future__ import annotations

from .conftest import class_list_dialog, open_and_wait
from .shown_text import shown


def test_the_rename_prompt_names_the_class_as_it_is(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    dialog = class_list_dialog(qtbot, window)
    dialog.add("<b>cat</b>")
    dialog.refresh("<b>cat</b>")
    prompts = []
    monkeypatch.setattr(dialog, "_ask_text", lambda title, label, text="": prompts.append(label) or (text, False))
    dialog._ask_rename()
    assert [shown(label) for label in prompts] == ["New name for <b>cat</b>:"]
