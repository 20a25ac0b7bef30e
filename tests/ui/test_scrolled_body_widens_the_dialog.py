"""At a 16-pt font the Retrain dialog was cut off on the right: its scrolled body needed 768 px, the dialog stayed
667 px wide and its body does not scroll sideways, so the texts were cut mid-word. `grow_within_screen` fixed the
dialog's least width at its old value (Qt takes a least height set alone as a least size set by hand, its width
then no longer the layout's). The dialog now widens to its body, within the screen; only on a screen too narrow
for the body does the body scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from petloc_gui.ui.training.scrolled_body import ScrolledBody, grow_within_screen


def _dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    body = ScrolledBody()
    note = QLabel("Training runs in the background; you can keep reviewing and editing.")
    note.setWordWrap(True)
    body.rows.addWidget(note)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    layout.addWidget(buttons)
    dialog.resize(300, 1)
    grow_within_screen(dialog, body, buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    grow_within_screen(dialog, body, buttons)  # again once shown, as the dialog does when its list arrives
    return dialog, body, buttons


def _body_whole(dialog, body) -> bool:
    """The rows as wide as they need, and the body inside the dialog (Qt lays it out past the dialog's right
    edge, cut off, when the dialog is narrower than its least width)."""
    return (body.viewport().width() >= body.widget().minimumSizeHint().width()
            and dialog.rect().contains(body.geometry()))


def test_the_dialog_widens_to_a_body_grown_wider(qtbot):
    dialog, body, buttons = _dialog(qtbot)
    room = dialog.screen().availableGeometry().width()
    wide = QPushButton("x" * 10)
    wide.setMinimumWidth(min(room - 200, 700))  # a wider row: a longer text at a bigger font
    body.rows.addWidget(wide)
    wide.show()  # as the dialog's rows are
    grow_within_screen(dialog, body, buttons)
    # at once, as it grows in height: the dialog's least width no longer left where it was
    assert dialog.width() >= dialog.layout().totalMinimumSize().width() >= wide.minimumWidth()
    qtbot.waitUntil(lambda: _body_whole(dialog, body), timeout=3000)
    assert dialog.width() <= room
    assert body.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_body_wider_than_the_screen_scrolls_sideways_in_a_dialog_as_wide_as_the_screen(qtbot):
    dialog, body, buttons = _dialog(qtbot)
    room = dialog.screen().availableGeometry().width()
    wide = QPushButton("x")
    wide.setMinimumWidth(room + 300)
    body.rows.addWidget(wide)
    wide.show()  # as the dialog's rows are
    grow_within_screen(dialog, body, buttons)
    qtbot.waitUntil(lambda: dialog.width() > 300, timeout=3000)
    assert dialog.width() <= room and dialog.rect().contains(body.geometry())
    assert body.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    qtbot.waitUntil(lambda: body.horizontalScrollBar().maximum() > 0, timeout=3000)  # the rest can be scrolled to
