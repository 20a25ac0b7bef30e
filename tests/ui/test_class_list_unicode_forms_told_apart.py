"""Two classes of a folder that differ only in Unicode form ("chat_été" composed on some boxes, decomposed,
"e" and U+0301, on others) showed as two identical rows in Edit → Classes ("chat_été    key 6" and
"chat_été    key 8"), the merge prompt read "chat_été is already a class: every box labelled chat_été becomes
chat_été" and the result "Renamed chat_été to chat_été". Each now says which it is, "(composed)" or
"(decomposed)", as the new-classes bar already did (`core.label_variants.form_notes`); other names are as
they were."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait, write_annotation
from .test_class_list import _dialog

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"


def _two_forms_open(qtbot, window, folder):
    write_annotation(folder / "a.png", [(COMPOSED, Box(10, 10, 50, 50))])
    write_annotation(folder / "d.png", [(DECOMPOSED, Box(30, 30, 70, 70))])
    open_and_wait(qtbot, window, folder)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    assert COMPOSED in dialog.names() and DECOMPOSED in dialog.names()
    return dialog


def _row_text(dialog, name: str) -> str:
    return dialog.list.item(dialog.names().index(name)).text()


def test_the_rows_of_two_unicode_forms_say_which_is_which(qtbot, window, folder):
    dialog = _two_forms_open(qtbot, window, folder)
    composed, decomposed = _row_text(dialog, COMPOSED), _row_text(dialog, DECOMPOSED)
    assert composed.startswith(f"{COMPOSED} (composed)    key "), composed
    assert decomposed.startswith(f"{DECOMPOSED} (decomposed)    key "), decomposed
    assert _row_text(dialog, "dog").startswith("dog    key ")  # told from no other: as it was


def test_the_merge_prompt_and_its_result_say_which_is_which(qtbot, window, folder, monkeypatch):
    dialog = _two_forms_open(qtbot, window, folder)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(dialog, "current", lambda: DECOMPOSED)
    prompts = []
    monkeypatch.setattr(dialog, "_ask_text", lambda title, label, text="": prompts.append(label) or (COMPOSED, True))
    dialog._ask_rename()
    assert prompts == [f"New name for {DECOMPOSED} (decomposed):"]
    assert len(asked) == 1
    assert asked[0].startswith(f"{COMPOSED} (composed) is already a class: every box labelled {DECOMPOSED} "
                               f"(decomposed) becomes {COMPOSED} (composed),"), asked[0]
    said = dialog.result_line.text().replace("\u200b", "")  # (`breakable_words`' break points)
    assert said.startswith(f"Renamed {DECOMPOSED} (decomposed) to {COMPOSED} (composed) on 1 box"), said
    assert DECOMPOSED not in dialog.names()
    assert _row_text(dialog, COMPOSED).startswith(f"{COMPOSED}    key ")  # alone now: no word needed
