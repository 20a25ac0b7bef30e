"""Issue 12 points 1 and 2 through the window's own save path: other programs' changes, links."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review import save_guard

from .conftest import GT, destroy_window, edit_b, open_and_wait, write_annotation, write_image


def _other_program_adds_a_dog(folder):
    """Another tool rewrites b.xml: b's cat... plus an extra object."""
    image = folder / "b.png"
    write_annotation(image, GT["b.png"] + [("bird", Box(60, 5, 100, 40))])


def _names(path):
    return [o.name for o in read_voc(path).objects]


def _conflict_answer(window, monkeypatch, choice):
    asked = []

    def ask(doc):
        asked.append(doc.annotation_path.name)
        return choice

    monkeypatch.setattr(window.guard, "ask_conflict", ask)
    return asked


# --- (a) edit, another program rewrites the file, save ------------------------------

def test_edit_then_external_rewrite_then_save_asks_and_take_theirs_keeps_their_object(
        qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _other_program_adds_a_dog(folder)
    asked = _conflict_answer(window, monkeypatch, save_guard.TAKE_THEIRS)
    window.save_current()
    assert asked == ["b.xml"]
    assert _names(folder / "b.xml") == ["dog", "bird"]  # their object survived
    doc = window.session.store.document(1)
    assert [o.name for o in doc.objects] == ["dog", "bird"] and not doc.dirty
    window.edits.stack().undo()  # my edit is one Ctrl+Z away
    assert doc.objects[0].box == Box(70, 50, 110, 85) and doc.dirty
    assert window.save_current()  # now based on their version: no question, no loss
    assert asked == ["b.xml"]
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)


def test_keep_mine_overwrites_only_when_chosen(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _other_program_adds_a_dog(folder)
    _conflict_answer(window, monkeypatch, save_guard.CANCEL)
    before = (folder / "b.xml").read_bytes()
    assert not window.save_current()
    assert (folder / "b.xml").read_bytes() == before and window.has_unsaved()
    _conflict_answer(window, monkeypatch, save_guard.KEEP_MINE)
    assert window.save_current()
    assert _names(folder / "b.xml") == ["dog"] and not window.has_unsaved()


def test_show_both_shows_their_boxes_and_mine_unsaved(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _other_program_adds_a_dog(folder)
    _conflict_answer(window, monkeypatch, save_guard.SHOW_BOTH)
    window.save_current()
    doc = window.session.store.document(1)
    boxes = {(o.name, o.box) for o in doc.objects}
    assert ("bird", Box(60, 5, 100, 40)) in boxes and ("dog", Box(70, 50, 110, 85)) in boxes
    assert doc.dirty and _names(folder / "b.xml") == ["dog", "bird"]


# --- (b) Ctrl+S without any edit -----------------------------------------------------

def test_ctrl_s_without_edit_reloads_instead_of_overwriting(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    window.session.watchers.disk.stop()  # the save path alone must be safe (e.g. a network folder)
    _other_program_adds_a_dog(folder)
    window.act["save"].trigger()
    assert _names(folder / "b.xml") == ["dog", "bird"]
    doc = window.session.store.document(1)
    assert [o.name for o in doc.objects] == ["dog", "bird"]
    assert len(window.panel.gt_pane.box_items()) == 2
    assert not answers["warnings"] and not answers["questions"]


# --- (c) autosave when moving to the next image ---------------------------------------

def test_autosave_never_overwrites_an_external_change(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    try:
        edit_b(window)
        _other_program_adds_a_dog(folder)
        window.step_image(1)
        assert _names(folder / "b.xml") == ["dog", "bird"]
        assert window.session.store.document(1).dirty  # my edit is kept in memory
        assert "changed on disk" in window.statusBar().currentMessage()
        assert not answers["warnings"]  # autosave asks nothing
        asked = _conflict_answer(window, monkeypatch, save_guard.KEEP_MINE)
        assert window.save_all() and asked == ["b.xml"]
        assert _names(folder / "b.xml") == ["dog"]
    finally:
        window.act["autosave"].setChecked(False)


# --- (d) two windows on the same folder ----------------------------------------------

@pytest.fixture
def second_window(qtbot, factory):
    from petloc_gui.ui.main_window import MainWindow

    win = MainWindow(model_factory=factory)
    win.show()
    yield win
    destroy_window(win)


def test_two_windows_on_one_folder(qtbot, window, second_window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    open_and_wait(qtbot, second_window, folder)
    window.show_row(1)
    second_window.show_row(1)
    edit_b(window)
    assert window.save_current()
    # The other window had no edits: it follows the file by itself (watcher).
    other = second_window.session.store.document(1)
    qtbot.waitUntil(lambda: other.objects[0].box == Box(70, 50, 110, 85), timeout=10_000)
    assert not other.dirty
    # Both edit; the second to save is asked, never silently wins.
    window.edits.set_label("cat")
    second_window.edits.set_label("lynx")
    assert window.save_current()
    asked = _conflict_answer(second_window, monkeypatch, save_guard.CANCEL)
    assert not second_window.save_current()
    assert asked == ["b.xml"] and _names(folder / "b.xml") == ["cat"]


def test_watcher_reloads_the_shown_image_when_it_has_no_edits(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    _other_program_adds_a_dog(folder)
    doc = window.session.store.document(1)
    qtbot.waitUntil(lambda: len(doc.objects) == 2, timeout=10_000)
    assert len(window.panel.gt_pane.box_items()) == 2 and not doc.dirty
    assert "reloaded" in window.statusBar().currentMessage()


def test_watcher_reloads_an_image_left_behind_into_its_list_row(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)  # b's document is opened (and watched) ...
    window.show_row(0)  # ... then left: its reload goes to the list row only
    _other_program_adds_a_dog(folder)
    model = window.session.model
    qtbot.waitUntil(lambda: len(model.gt_objects[1]) == 2, timeout=10_000)
    assert [name for name, _ in model.gt_objects[1]] == ["dog", "bird"]
    assert window.session.current == 0 and not window.has_unsaved()
    assert "bird" in window.labels.names()  # its labels join the class list, as the shown image's do


def test_watcher_flags_a_change_under_edits_without_touching_them(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    _other_program_adds_a_dog(folder)
    doc = window.session.store.document(1)
    qtbot.waitUntil(lambda: doc.external_change is not None, timeout=10_000)
    assert doc.dirty and doc.objects[0].box == Box(70, 50, 110, 85) and len(doc.objects) == 1


def test_a_file_created_since_opening_is_not_overwritten(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png: no annotation
    window.session.watchers.disk.stop()
    window.accept_prediction()
    write_annotation(folder / "d.png", [("dog", Box(1, 1, 20, 20))])  # another tool labels it
    asked = _conflict_answer(window, monkeypatch, save_guard.CANCEL)
    assert not window.save_current()
    assert asked == ["d.xml"] and _names(folder / "d.xml") == ["dog"]


# --- point 2: symbolic links -----------------------------------------------------------

def test_link_outside_the_folder_is_only_written_after_a_question_naming_the_target(
        qtbot, window, folder, answers, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "real.xml"
    (folder / "b.xml").rename(real)
    (folder / "b.xml").symlink_to(real)
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    before = real.read_bytes()
    answers["queue"] = [QMessageBox.No]
    assert not window.save_current()
    assert str(real) in answers["questions"][0] and real.read_bytes() == before
    answers["queue"] = [QMessageBox.Yes]
    assert window.save_current()
    assert (folder / "b.xml").is_symlink()
    assert read_voc(real).objects[0].box == Box(70, 50, 110, 85)


def test_link_to_a_non_voc_file_is_never_replaced(qtbot, window, folder, answers, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    write_image(folder / "n.png")
    (folder / "n.xml").symlink_to(notes)
    open_and_wait(qtbot, window, folder)
    row = window.session.model.names.index("n.png")
    window.show_row(row)
    window.accept_prediction()
    assert not window.save_current()
    assert not answers["questions"]  # no "replace it?" offer at all
    assert str(notes) in answers["warnings"][0]
    assert notes.read_text() == "my notes\n"
