"""Which corner of the selected box Alt+arrows move: the bottom-right (the default) or, after C, the top-left.

Alt+Shift+arrows move the left and top edges, but a window manager may take
those keys first: openbox's default bindings send the window to another
desktop with them (and GNOME, KDE and Xfce keep Ctrl+Alt+arrows and
Super+arrows for themselves). A single letter and Alt+arrows reach the window
under all four, so after C the Alt+arrows go over to the left/top edges'
entries (which keep Alt+Shift+arrows too): the menu shows which keys move
which edge, and the status line says which corner they move.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar

# Alt+arrow -> (its action for the bottom-right corner, its action for the top-left corner)
ALT_ARROWS = {
    "Alt+Right": ("grow_width", "left_edge_right"),
    "Alt+Left": ("shrink_width", "left_edge_left"),
    "Alt+Down": ("grow_height", "top_edge_down"),
    "Alt+Up": ("shrink_height", "top_edge_up"),
}
CORNER_NOTE = "Alt+arrows: top-left corner"
CORNER_TIP = "Alt+arrows move the left and top edges of the box; C gives them back to the right and bottom edges"
TOP_LEFT_SAID = "Alt+arrows now move the top-left corner of the box (C again: the bottom-right)."
BOTTOM_RIGHT_SAID = "Alt+arrows move the bottom-right corner of the box again."


def connect_resize_corner(act: dict[str, QAction], status: QStatusBar) -> QLabel:
    """Make ``act["resize_corner"]`` (C) hand Alt+arrows to the left/top edges and back; the label it
    returns is in the status line while they move the top-left corner."""
    note = QLabel(CORNER_NOTE)
    note.setToolTip(CORNER_TIP)
    note.setContentsMargins(0, 0, 12, 0)
    note.hide()
    status.insertPermanentWidget(0, note)

    def set_corner(top_left: bool) -> None:
        for key, (bottom_right_name, top_left_name) in ALT_ARROWS.items():
            sequence = QKeySequence(key)
            gains, loses = ((act[top_left_name], act[bottom_right_name]) if top_left
                            else (act[bottom_right_name], act[top_left_name]))
            loses.setShortcuts([s for s in loses.shortcuts() if s != sequence])
            # first, so the menu shows it beside the entry (Alt+Shift+arrows stay as the second)
            gains.setShortcuts([sequence, *(s for s in gains.shortcuts() if s != sequence)])
        note.setVisible(top_left)
        status.showMessage(TOP_LEFT_SAID if top_left else BOTTOM_RIGHT_SAID, 4000)

    act["resize_corner"].toggled.connect(set_corner)
    return note
