"""The save's message boxes name files as they are. In a folder "<b>pets" every path began a tag on the box's first
line: Qt took the text for HTML and drew "pets/a.xml cannot be read", the folder's name gone (an "<img src=…>" in a
name had Qt load a local file)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from .conftest import open_and_wait
from .shown_text import shown

FOLDER = "<b>pets"


@pytest.fixture
def marked_folder(folder):
    return folder.rename(folder.with_name(FOLDER))


def test_failed_save_names_the_image_as_it_is(qtbot, window, marked_folder, answers):
    open_and_wait(qtbot, window, marked_folder)
    window.show_row(0)
    assert window.edits.nudge(1, 0)
    (marked_folder / "a.png").unlink()
    assert not window.save_current()
    assert f"{FOLDER}/a.xml: the image a.png is no longer in" in shown(answers["warnings"][0])
    window.edits.stack().undo()


def test_symbolic_link_question_names_the_target_as_it_is(qtbot, window, marked_folder, answers, tmp_path):
    outside = tmp_path / "<b>elsewhere"
    outside.mkdir()
    (marked_folder / "a.xml").rename(outside / "a.xml")
    (marked_folder / "a.png").rename(marked_folder / "<i>a.png")
    (marked_folder / "<i>a.xml").symlink_to(outside / "a.xml")
    open_and_wait(qtbot, window, marked_folder)
    window.show_row(window.session.model.names.index("<i>a.png"))
    assert window.edits.nudge(1, 0)
    answers["queue"].append(QMessageBox.No)
    window.save_current()
    assert shown(answers["questions"][0]).startswith("<i>a.xml is a symbolic link to\n")
    assert "<b>elsewhere/a.xml" in shown(answers["questions"][0])
    window.edits.stack().undo()


def test_overwrite_question_names_the_unreadable_file_as_it_is(qtbot, window, marked_folder, answers):
    (marked_folder / "a.xml").write_text("<annotation><object>")
    open_and_wait(qtbot, window, marked_folder)
    window.show_row(0)
    window.accept_prediction()
    answers["queue"].append(QMessageBox.No)
    assert not window.save_current()
    assert f"{FOLDER}/a.xml cannot be read" in shown(answers["questions"][0])
    window.edits.stack().undo()


def test_conflict_box_names_the_file_as_it_is(qtbot, window, marked_folder, answers, monkeypatch):
    open_and_wait(qtbot, window, marked_folder)
    window.show_row(0)
    assert window.edits.nudge(1, 0)
    (marked_folder / "a.xml").unlink()
    seen = {}

    def exec_(box):
        seen["text"] = shown(box.text(), box.textFormat())
        next(button for button in box.buttons() if button.text().replace("&", "") == "Cancel").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert not window.save_current()
    assert f"{FOLDER}/a.xml was deleted" in seen["text"]
    window.edits.stack().undo()
