"""Edits are never lost: unsaved guard, failed saves, hostile files, autosave."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import edit_b, open_and_wait, write_image


def test_opening_another_folder_asks_and_cancel_keeps_edits(qtbot, window, folder, answers, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    write_image(other / "x.png")
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.open_folder(other)
    assert window.current_folder() == folder and window.has_unsaved()
    answers["queue"] = [QMessageBox.SaveAll]
    assert window.open_folder(other)
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)
    assert window.current_folder() == other


def test_discard_leaves_file_untouched(qtbot, window, folder, answers, tmp_path):
    before = (folder / "b.xml").read_bytes()
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    answers["queue"] = [QMessageBox.Discard]
    other = tmp_path / "other"
    other.mkdir()
    assert window.open_folder(other)
    assert (folder / "b.xml").read_bytes() == before


def test_close_with_unsaved_edits_asks(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    answers["queue"] = [QMessageBox.Cancel]
    assert not window.close()
    assert window.isVisible() and len(answers["questions"]) == 1


def test_failed_save_shows_error_and_keeps_edit(qtbot, window, folder, answers, monkeypatch):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    before = (folder / "b.xml").read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("petloc_gui.core.atomic.os.replace", refuse)
    assert not window.save_all()
    assert answers["warnings"] and "b.xml" in answers["warnings"][0]
    doc = window.session.store.document(1)
    assert doc.dirty and window.has_unsaved()
    assert window.session.model.status[1] == "edited"
    assert (folder / "b.xml").read_bytes() == before
    assert not [p for p in os.listdir(folder) if p.endswith(".tmp")]
    monkeypatch.undo()
    assert window.save_all()
    assert not doc.dirty


def test_autosave_on_image_change(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    edit_b(window)
    window.step_image(1)
    assert not window.has_unsaved()
    assert read_voc(folder / "b.xml").objects[0].box == Box(70, 50, 110, 85)
    window.act["autosave"].setChecked(False)


def test_hostile_files_do_not_crash_and_broken_xml_is_not_overwritten_silently(qtbot, window, folder, answers):
    (folder / "f.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    write_image(folder / "g.png")
    (folder / "g.xml").write_text("<annotation><object><name>cat</name>")
    write_image(folder / "h.png")
    (folder / "h.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<annotation><filename>&x;</filename></annotation>")
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    rows = {name: i for i, name in enumerate(model.names)}
    assert model.pred_errors[rows["f.png"]], "unreadable image is reported in the list"
    assert model.status[rows["g.png"]] == "error" and model.status[rows["h.png"]] == "error"
    for name in ("f.png", "g.png", "h.png"):
        window.show_row(rows[name])  # must not raise
    window.show_row(rows["g.png"])
    doc = window.session.store.document(rows["g.png"])
    assert doc.load_error and "g.xml" in doc.load_error
    assert "g.xml" in window.panel.header.text() or doc.load_error
    before = (folder / "g.xml").read_bytes()
    window.edits.add_box(Box(5, 5, 30, 30), "dog")
    answers["queue"] = [QMessageBox.No]
    assert not window.save_current()
    assert (folder / "g.xml").read_bytes() == before and doc.dirty
    answers["queue"] = [QMessageBox.Yes]
    assert window.save_current()
    assert [o.name for o in read_voc(folder / "g.xml").objects] == ["dog"]
    assert "root:" not in (folder / "h.xml").read_text()


def test_undo_after_save_then_save_again_writes_the_undone_state(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: cat (10,10,50,50)
    window.act["nudge_right"].trigger()
    assert window.save_current()
    assert read_voc(folder / "a.xml").objects[0].box == Box(11, 10, 51, 50)
    window.edits.stack().undo()
    doc = window.session.store.document(0)
    assert doc.dirty, "undoing past the save point differs from the file"
    assert window.save_current()
    objects = read_voc(folder / "a.xml").objects
    assert [(o.name, o.box) for o in objects] == [("cat", Box(10, 10, 50, 50))]
    window.edits.stack().redo()
    window.act["delete"].trigger()
    window.edits.add_box(Box(1, 1, 20, 20), "dog")
    assert window.save_current()
    assert [(o.name, o.box) for o in read_voc(folder / "a.xml").objects] == [("dog", Box(1, 1, 20, 20))]


def test_delete_save_undo_save_restores_both_objects_in_order(qtbot, window, folder, answers):
    from .conftest import write_annotation

    write_annotation(folder / "a.png", [("cat", Box(10, 10, 50, 50)), ("dog", Box(60, 20, 100, 70))])
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.edits.select(0)
    window.act["delete"].trigger()
    assert window.save_current()
    assert [o.name for o in read_voc(folder / "a.xml").objects] == ["dog"]
    window.edits.stack().undo()
    assert window.save_current()
    assert [(o.name, o.box) for o in read_voc(folder / "a.xml").objects] == [
        ("cat", Box(10, 10, 50, 50)), ("dog", Box(60, 20, 100, 70))]
