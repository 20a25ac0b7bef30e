"""Quitting with a new model not kept yet asks about the folder it was trained on by its name as it is. A folder
"<b>pets" was said "pets", bold, in the question and in its Keep it line: Qt took each text for HTML (an
"<img src=…>" in a name had it load a local file)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from petloc_gui.ui.training import retrain_quit

from .shown_text import shown


def test_the_question_names_the_folder_as_it_is(qtbot, tmp_path):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        seen["text"] = shown(box.text(), box.textFormat())
        seen["informative"] = shown(box.informativeText())  # its label guesses its format (AutoText)
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(100, answer)
    version = SimpleNamespace(id="pets-20240101-000000")
    assert retrain_quit.ask_undecided(None, version, tmp_path / "<b>pets") == retrain_quit.CANCEL
    assert seen["text"].startswith("The model just trained on <b>pets (version pets-20240101-000000)")
    assert seen["informative"].startswith("Keep it: <b>pets uses it from when it is opened again.\nDiscard it:")
