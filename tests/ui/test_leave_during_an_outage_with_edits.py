"""Leaving a folder (opening another, closing the window) while it cannot be read, with unsaved edits: the
question about them looked whether each edited image was still there with ``Path.exists``, which raises
PermissionError when the folder cannot be looked at, so the question never came and the window could neither
leave nor ask. An image that cannot be looked at is asked about as any other, not said to be gone."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from petloc_gui.ui.review.save_texts import GONE_NOTE

from .conftest import edit_b, open_and_wait, write_image
from .unlistable_folder import not_listable


def test_opening_another_folder_during_an_outage_asks_about_the_edits(qtbot, window, folder, answers, monkeypatch,
                                                                      tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png", seed=3)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    session = window.session
    answers["queue"].append(QMessageBox.Cancel)
    with monkeypatch.context() as outage:
        not_listable(outage, folder)
        assert window.open_folder(other) is False
    [question] = answers["questions"]
    assert "b." in question and GONE_NOTE not in question  # asked, and not said to be deleted
    assert window.session is session and window.has_unsaved()


def test_two_unreadable_folders_are_counted_in_words():
    from petloc_gui.ui.review.image_set_watch import unreadable_text

    assert "(and 1 more folder)" in unreadable_text([("a", "Permission denied"), ("b", "Permission denied")])
    assert "(and 2 more folders)" in unreadable_text([("a", "x"), ("b", "x"), ("c", "x")])
