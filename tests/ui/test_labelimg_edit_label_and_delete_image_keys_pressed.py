"""labelImg's Ctrl+E (edit label) and Ctrl+Shift+D (delete image), pressed, did nothing and said nothing. Ctrl+E
now takes the keyboard to the Label box, as Alt+L does (test_labelimg_edit_label_and_delete_image_keys.py), and
its first press says in the status line that Alt+L is petloc's key for it; Ctrl+Shift+D only says there that
petloc deletes no image, and changes no box, no file and not the image shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.labelimg_keys import PRESSED_SAID

from .conftest import open_and_wait


def _files(folder) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_ctrl_e_names_the_label_box_key(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_E, Qt.ControlModifier)
    said = window.statusBar().currentMessage()
    assert said == PRESSED_SAID["Ctrl+E"] and "Alt+L" in said, said


def test_ctrl_shift_d_says_petloc_deletes_no_image_and_deletes_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    before = _files(folder)
    shown = window.session.current
    boxes = list(window.session.store.document(shown).objects)
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
    said = window.statusBar().currentMessage()
    assert said == PRESSED_SAID["Ctrl+Shift+D"] and "does not delete images" in said, said
    assert _files(folder) == before
    assert window.session.current == shown
    assert list(window.session.store.document(shown).objects) == boxes
    assert not window.has_unsaved()
