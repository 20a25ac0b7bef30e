"""An image replaced on disk by one of another size while it has unsaved edits (``cp other.jpg shown.jpg``):
the window says so (the image's notes, its list row), and a save writes the size of the image on disk now,
or refuses, keeping the edits, while a box lies outside it. An image not on screen, or a save before the
new picture is shown, is measured again by the save, which says so before writing anything."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.app.file_key import file_key
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc
from petloc_gui.ui.review.file_list import COL_STATUS

from .conftest import edit_b, open_and_wait, wait_image_shown, write_image

REPLACED = "b.png was replaced on disk by another program"


def _replaced_while_shown(qtbot, window, folder, size) -> object:
    """b.png, shown with an unsaved edit, replaced by a picture of ``size``; the window shows it."""
    edit_b(window)
    doc = window.session.store.document(1)
    write_image(folder / "b.png", size=size, seed=9)
    window.session.watchers.disk.check()  # the watcher's look, not waiting for its event
    qtbot.waitUntil(lambda: doc.image_size == size, timeout=5000)
    wait_image_shown(qtbot, window)
    return doc


def _row_tip(window, name: str) -> str:
    model = window.session.model
    return model.data(model.index(model.view_row(model.names.index(name)), COL_STATUS), Qt.ToolTipRole) or ""


def test_the_window_says_the_image_was_replaced_and_the_save_writes_its_new_size(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    doc = _replaced_while_shown(qtbot, window, folder, (150, 100))
    assert "it is 150x100 now, not 120x90" in doc.problems[0]  # the notes over the image
    assert window.panel.notes.isVisibleTo(window.panel) and REPLACED in window.panel.notes.text()
    assert REPLACED in _row_tip(window, "b.png")
    assert doc.dirty and window.save_current() and not answers["warnings"]
    saved = read_voc(folder / "b.xml", image_path=folder / "b.png")
    assert (saved.width, saved.height) == (150, 100) and not saved.problems  # no "size in file ... differs"
    assert saved.objects[0].box == Box(70, 50, 110, 85)
    assert doc.image_change is None and REPLACED not in _row_tip(window, "b.png")


def test_a_box_outside_the_smaller_image_is_not_saved_until_it_is_moved_in(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    doc = _replaced_while_shown(qtbot, window, folder, (100, 90))  # the box reaches to x=110
    assert not window.save_current()
    assert "box 1 (dog) reaches outside the image, which is 100x90 now that another program replaced it: " \
           "nothing saved" in answers["warnings"][0]
    assert read_voc(folder / "b.xml", find_image=False).width == 120  # untouched
    assert doc.dirty and window.has_unsaved()
    assert window.edits.nudge(-1, 0)  # moved, it is held inside the new picture
    assert window.save_current()
    saved = read_voc(folder / "b.xml", find_image=False)
    assert (saved.width, saved.height) == (100, 90) and saved.objects[0].box == Box(60, 50, 100, 85)


def test_an_image_replaced_while_another_is_shown_is_measured_by_the_save(qtbot, window, folder, answers):
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    window.show_row(0)
    write_image(folder / "b.png", size=(150, 100), seed=9)
    assert not window.save_all()  # said first: its boxes were drawn on another picture
    assert "the image b.png was replaced on disk by another program since its boxes were drawn: it is 150x100 " \
           "now, not 120x90. Nothing saved" in answers["warnings"][0]
    assert read_voc(folder / "b.xml", find_image=False).width == 120
    doc = window.session.store.document(1)
    assert doc.dirty and REPLACED in doc.problem_text()
    assert window.save_all()  # told, the user saves again: the new size is written
    assert read_voc(folder / "b.xml", find_image=False).width == 150


def test_an_image_rewritten_as_it_was_under_no_edit_is_no_news(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)
    doc = window.session.store.document(1)
    write_image(folder / "b.png", size=(120, 90), seed=9)  # new pixels, the same size, nothing edited here
    window.session.watchers.disk.check()
    qtbot.waitUntil(lambda: doc.image_key == file_key(folder / "b.png"), timeout=5000)  # decoded again
    assert doc.image_change is None and not doc.problems


def test_the_status_line_says_the_image_shown_was_replaced(qtbot, window, folder):
    """As for an annotation file changed by another program: the notes over the image change, and the
    status line says it too, where the eye goes after a picture changes under the boxes."""
    open_and_wait(qtbot, window, folder)
    doc = _replaced_while_shown(qtbot, window, folder, (150, 100))
    said = window.statusBar().currentMessage()
    assert said.startswith(REPLACED) and "it is 150x100 now, not 120x90" in said and said == doc.image_change


def test_an_image_replaced_while_not_shown_is_said_when_shown_again(qtbot, window, folder):
    """Its decode, not a save, is the first to measure it: the status line says it as it is shown."""
    open_and_wait(qtbot, window, folder)
    edit_b(window)
    window.show_row(0)
    write_image(folder / "b.png", size=(150, 100), seed=9)
    window.show_row(1)
    assert window.statusBar().currentMessage().startswith(REPLACED)
