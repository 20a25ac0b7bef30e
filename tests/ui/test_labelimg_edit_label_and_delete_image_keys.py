"""labelImg's Ctrl+E (edit label) and Ctrl+Shift+D (delete image). Ctrl+E only said "use Alt+L": the keyboard stayed
on the image, and a labelImg user's "bengal" + Enter ran as single-key commands (B selected the next box, N showed
another image, A accepted its prediction: an image edited unseen). It now does what Alt+L does: the Label box gets
the keyboard, its text selected so typing replaces it, and the status line says once that Alt+L is petloc's key
for it. Ctrl+Shift+D stays a hint (deleting an image is no keystroke here). F1's labelImg row names both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.label_box import LabelBox
from petloc_gui.ui.labelimg_keys import LABEL_BOX_KEY, PRESSED_SAID

from .conftest import open_and_wait


def test_f1s_labelimg_row_names_both_keys(qtbot):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    row = next(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())
               if "labelImg" in dialog.table.item(r, 0).text())
    assert "Ctrl+E (edit label): the Label box, as Alt+L" in row
    assert "Ctrl+Shift+D (delete image): petloc deletes no image" in row


def test_the_label_box_key_named_is_its_captions(window):
    caption = window.findChild(LabelBox).caption.text()
    assert f"&{LABEL_BOX_KEY.rpartition('+')[2]}" in caption and LABEL_BOX_KEY.startswith("Alt+")


def test_ctrl_e_names_alt_l_before_a_status_line_cuts_it():
    """A status line too narrow for the note keeps its start and end (at 1.5 on 1366 px it read "...as Al…ter (a
    number key..."): the key, the note's point, in its first 60 characters."""
    said = PRESSED_SAID["Ctrl+E"]
    assert 0 <= said.find(LABEL_BOX_KEY) < 60, said
    assert "Label box" in said and "Enter" in said and "Esc" in said


def _ctrl_e_on_the_image(qtbot, window) -> None:
    window.focus_canvas()
    qtbot.keyClick(window.panel.gt_pane, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_e_then_typing_types_in_the_label_box_and_edits_no_image(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: a cat
    shown = window.session.current
    boxes = list(window.session.store.document(shown).objects)
    _ctrl_e_on_the_image(qtbot, window)
    typing_in = QApplication.focusWidget()
    assert typing_in in (window.label_combo, window.label_combo.lineEdit()), typing_in
    qtbot.keyClick(typing_in, Qt.Key.Key_X)  # the cat selected: replaced by what is typed
    assert window.label_combo.currentText() == "x"
    assert window.session.current == shown
    assert list(window.session.store.document(shown).objects) == boxes
    assert not window.has_unsaved()
    said = window.statusBar().currentMessage()
    assert said == PRESSED_SAID["Ctrl+E"] and LABEL_BOX_KEY in said, said


def test_ctrl_e_says_its_note_once(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    _ctrl_e_on_the_image(qtbot, window)
    assert window.statusBar().currentMessage() == PRESSED_SAID["Ctrl+E"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # back to the image
    window.statusBar().clearMessage()
    _ctrl_e_on_the_image(qtbot, window)
    assert QApplication.focusWidget() in (window.label_combo, window.label_combo.lineEdit())
    assert window.statusBar().currentMessage() != PRESSED_SAID["Ctrl+E"]
