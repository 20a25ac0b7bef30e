"""The save of an image read with an error looks at its file twice: before the "Overwrite unreadable
annotation?" question (`save_guard`: why it cannot be read, said in the question) and again at the write
(`annotation_look.state_to_check`). The second look is not work done twice: a person answers the question
in their own time, and a file readable again by then (access back to a folder, a sync tool done) is another
program's version, asked about as one, never replaced on the strength of the answer given to the first
look. Reusing that first answer at the write overwrote the good file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait

C = 2  # c.png: a cat at (20, 20, 60, 60); its prediction is a dog at (22, 22, 62, 62)


def test_access_back_while_the_question_is_open_asks_which_version_to_keep(qtbot, window, folder, answers,
                                                                           monkeypatch):
    open_and_wait(qtbot, window, folder)
    xml = folder / "c.xml"
    before = xml.read_bytes()
    denied = [True]
    is_file = Path.is_file

    def refused(path):
        if path == xml and denied[0]:
            raise PermissionError(13, "Permission denied")
        return is_file(path)

    monkeypatch.setattr(Path, "is_file", refused)
    window.show_row(C)
    assert "cannot check the annotation file" in window.session.store.document(C).load_error
    window.accept_prediction()
    questions, conflicts = [], []

    def answered_once_access_is_back(parent, title, text, *args, **kwargs):
        questions.append(text)
        denied[0] = False  # the folder readable again while the person reads the question
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", answered_once_access_is_back)
    monkeypatch.setattr(window.guard, "ask_conflict",
                        lambda doc: conflicts.append(doc.annotation_path.name) or save_guard.CANCEL)
    assert not window.save_current()
    assert len(questions) == 1 and "Permission denied" in questions[0]
    assert conflicts == ["c.xml"]  # the file looked at again: readable, another program's version
    assert xml.read_bytes() == before and window.has_unsaved()
