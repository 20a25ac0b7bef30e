"""The question a save asks about another program's version names what that program did: changed the file,
deleted it, or created one where there was none when the image was opened (`petloc predict --write-voc`
writing a pre-label beside an unsaved box). It said "changed on disk ... since you opened it" of all three,
and its "Take theirs" on a file deleted showed an empty annotation without saying the file was gone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import open_and_wait, write_annotation

NUDGED_CAT = ("cat", Box(11, 10, 51, 50))  # a.png's cat 10,10,50,50 one pixel right


@pytest.fixture
def conflict(monkeypatch):
    """The conflict question as shown (title, text, informative text, buttons); ``click`` answers it."""
    seen: dict = {"click": "Cancel", "asked": 0}

    def exec_(box):
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        seen.update(title=box.windowTitle(), text=box.text(), info=box.informativeText(), buttons=set(buttons))
        seen["asked"] += 1
        buttons[seen["click"]].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _nudged_a(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat 10,10,50,50
    assert window.edits.nudge(1, 0)
    return window.edits.doc


def _shown(doc):
    return [(o.name, o.box) for o in doc.objects]


def test_a_file_deleted_under_edits_is_said_deleted_and_discard_says_it_is_gone(qtbot, window, folder, conflict):
    doc = _nudged_a(qtbot, window, folder)
    (folder / "a.xml").unlink()
    window.session.watchers.disk.check()
    assert _status(window) == ("a.xml was deleted by another program while you have unsaved edits; saving will "
                               "ask whether to write yours again.")
    assert "a.xml: deleted by another program" in doc.problem_text()
    conflict["click"] = "Discard mine"
    assert window.save_current()
    assert conflict["title"] == "Deleted by another program"
    assert conflict["text"].endswith("a.xml was deleted by another program since you opened it, and you have "
                                     "unsaved edits.")
    assert conflict["buttons"] == {"Keep mine", "Discard mine", "Cancel"}  # nothing of theirs to take or show
    assert not (folder / "a.xml").exists() and _shown(doc) == [] and not doc.dirty
    assert _status(window) == ("a.xml was deleted by another program: no annotation is shown now; Ctrl+Z "
                               "brings your edits back (saving them writes the file again).")
    window.edits.stack().undo()
    assert _shown(doc) == [NUDGED_CAT] and doc.dirty
    assert window.save_current() and conflict["asked"] == 1  # written again, no second question
    assert [(o.name, o.box) for o in read_voc(folder / "a.xml").objects] == [NUDGED_CAT]


def test_keep_mine_writes_a_deleted_file_again_unwatched(qtbot, window, folder, conflict):
    doc = _nudged_a(qtbot, window, folder)
    window.session.watchers.disk.stop()  # the save alone finds it gone (a network folder)
    (folder / "a.xml").unlink()
    conflict["click"] = "Keep mine"
    assert window.save_current()
    assert conflict["title"] == "Deleted by another program" and "deleted by another program" in conflict["text"]
    assert [(o.name, o.box) for o in read_voc(folder / "a.xml").objects] == [NUDGED_CAT] and not doc.dirty


def test_a_file_created_where_there_was_none_is_said_created(qtbot, window, folder, conflict, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no annotation
    window.accept_prediction()
    write_annotation(folder / "d.png", [("dog", Box(1, 1, 20, 20))])  # petloc predict --write-voc, say
    window.session.watchers.disk.check()
    assert _status(window) == ("d.xml was created by another program (there was none when you opened it) while "
                               "you have unsaved edits; saving will ask which version to keep.")
    assert not window.save_current()  # Cancel
    assert conflict["title"] == "Created by another program"
    assert conflict["text"].endswith("d.xml was created by another program (there was none when you opened "
                                     "it), and you have unsaved edits.")
    assert conflict["buttons"] == {"Keep mine", "Take theirs", "Show both", "Cancel"}
    # Cancel stops the save and says how to be asked again (no "Could not save" box)
    assert _status(window) == ("d.xml: not saved (you cancelled). Your edits are kept: save it again to choose "
                               "which version to keep.")


def test_a_file_changed_is_said_changed(qtbot, window, folder, conflict, answers):
    _nudged_a(qtbot, window, folder)
    write_annotation(folder / "a.png", [("dog", Box(60, 5, 100, 40))])
    assert not window.save_current()
    assert conflict["title"] == "Changed by another program"
    assert conflict["text"].endswith("a.xml was changed on disk by another program since you opened it, and "
                                     "you have unsaved edits.")


def test_without_edits_a_deleted_or_created_file_is_said_so(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    (folder / "a.xml").unlink()
    window.session.watchers.disk.check()
    assert _status(window) == "a.xml was deleted by another program: no annotation is shown now (the file is gone)."
    window.show_row(3)  # d.png: no annotation
    write_annotation(folder / "d.png", [("dog", Box(1, 1, 20, 20))])
    window.session.watchers.disk.check()
    assert _status(window) == "d.xml was created by another program (there was none when you opened it): shown."
    assert _shown(window.edits.doc) == [("dog", Box(1, 1, 20, 20))]
