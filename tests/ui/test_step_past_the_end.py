"""D on the list's last image (Shift+D on its first) did nothing at all: with autosave on, the image's
edits were not saved, though every other D saves them (labelImg's D saves first, then looks for the
next image), and nothing said why D did nothing (hunt_sp #2: the last of 40 images was the only one
left unsaved). Now the image is saved as a move would save it, and the status line says it is the last."""

from __future__ import annotations

from petloc_gui.core.voc import read_voc

from .conftest import PRED, open_and_wait


def _last(window) -> int:
    row = window.file_dock.last_visible_row()
    window.show_row(row)
    return row


def test_d_on_the_last_image_autosaves_it_and_says_so(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    row = _last(window)
    assert window.session.model.names[row] == "e.png"
    window.accept_prediction()
    assert window.has_unsaved()
    window.act["next_image"].trigger()  # D
    assert window.session.current == row
    assert not window.has_unsaved()
    saved = read_voc(folder / "e.xml").objects[0].box
    assert saved == PRED["e.png"].box
    message = window.statusBar().currentMessage()
    assert "Last image" in message and "saved" in message


def test_d_on_the_last_image_with_nothing_to_save_says_it_is_the_last(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    _last(window)
    window.act["next_image"].trigger()
    assert window.statusBar().currentMessage().startswith("Last image")


def test_shift_d_on_the_first_image_says_it_is_the_first(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(window.file_dock.first_visible_row())
    window.act["prev_image"].trigger()  # Shift+D
    assert window.statusBar().currentMessage().startswith("First image")


def test_without_autosave_d_on_the_last_image_says_its_edits_are_unsaved(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(False)
    _last(window)
    before = (folder / "e.xml").read_bytes()
    window.accept_prediction()
    window.act["next_image"].trigger()
    assert window.has_unsaved()
    assert (folder / "e.xml").read_bytes() == before
    message = window.statusBar().currentMessage()
    assert message.startswith("Last image") and "Ctrl+S" in message


def test_d_with_an_empty_list_says_the_list_shows_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    window.file_dock.search.setText("nothing-like-it")
    window.act["next_image"].trigger()
    assert window.session.current == 0
    assert window.statusBar().currentMessage().startswith("The list shows no image")
