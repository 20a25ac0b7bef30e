"""Renaming cat to "dog " (a trailing space, or "big  dog" for "big dog") merged cat into dog without the "Merge
two classes?" question: the check looked at the name as typed, and the spaces were tidied only after it. The name
is tidied first, so the question comes exactly as for "dog"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from .conftest import class_list_dialog, open_and_wait


@pytest.mark.parametrize("typed", ["dog ", " dog", "big  dog"])
def test_a_spaced_name_of_another_class_asks_before_merging(qtbot, window, folder, monkeypatch, typed):
    open_and_wait(qtbot, window, folder)
    dialog = class_list_dialog(qtbot, window)
    if typed == "big  dog":
        dialog.add("big dog")
    dialog.refresh("cat")
    store = window.session.store
    before = [[o.name for o in store.document(row).objects] for row in range(len(window.session.dataset.items))]
    assert any("cat" in names for names in before)  # else the test says nothing
    asked = []
    monkeypatch.setattr(dialog, "_ask_text", lambda *args: (typed, True))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[1]) or QMessageBox.Cancel)
    dialog._ask_rename()
    assert asked == ["Merge two classes?"]
    after = [[o.name for o in store.document(row).objects] for row in range(len(window.session.dataset.items))]
    assert after == before  # cancelled: nothing merged
    assert "cat" in dialog.names()

