"""labelImg's keys that petloc has no menu action for: Ctrl+E does what petloc's own key does, Ctrl+Shift+D only
says what petloc has instead; F1 and the status line say so.

A labelImg user's hands press Ctrl+E (edit the selected box's label) and Ctrl+Shift+D (delete the image). Ctrl+E
only said "Alt+L here", the keyboard left on the image: the label typed next ran as single-key commands ("bengal":
B selected the next box, N showed another image, A accepted its prediction, an image edited unseen). It now does
what Alt+L does (the Label box's caption's access key): the box gets the keyboard, its text selected so typing
replaces it, and the status line says once that Alt+L is petloc's key for it. petloc deletes no image, so
Ctrl+Shift+D is bound to its hint alone, never to a delete: deleting an image is not one keystroke away. F1's
labelImg row names both (`help_dialog.labelimg_row`), as it names A and Space.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMainWindow, QWidget

LABEL_BOX_KEY = "Alt+L"  # the Label box caption's access key ("&Label:", `label_box.LabelBox`)
EDIT_LABEL_KEY = "Ctrl+E"

# (labelImg's key, what it does there, what petloc has instead)
KEY_HINTS: tuple[tuple[str, str, str], ...] = (
    (EDIT_LABEL_KEY, "edit label", f"the Label box, as {LABEL_BOX_KEY}"),
    ("Ctrl+Shift+D", "delete image", "petloc deletes no image"),
)
# what the status line says when one is pressed (Ctrl+E: on its first press in a window only; told once, the note
# would only cover what the status line says of the box being typed in). Ctrl+E's names Alt+L, its point, near its
# start: a narrow status line cuts the middle ("...as Al…ter (a number key..." at 1.5 on 1366 px).
PRESSED_SAID = {
    EDIT_LABEL_KEY: f"labelImg's Ctrl+E (edit label) is {LABEL_BOX_KEY} in petloc: the keyboard is in the Label "
                    "box; type a label + Enter (a number key gives a class: F1 lists them; Esc: back to the image).",
    "Ctrl+Shift+D": "petloc does not delete images (labelImg's Ctrl+Shift+D): delete the file outside petloc, then "
                    "F5 reloads the folder. Del deletes the selected box.",
}
HINT_MS = 8000


def hint_row_text() -> str:
    """The keys' part of F1's labelImg row: "Ctrl+E (edit label): the Label box, as Alt+L; ..."."""
    return "; ".join(f"{key} ({there}): {here}" for key, there, here in KEY_HINTS)


def add_labelimg_key_hints(window: QWidget, label_box: Callable[[], QComboBox | None]) -> list[QAction]:
    """Give ``window`` an action per key of `KEY_HINTS` (in no menu): Ctrl+E gives the keyboard to the Label box
    (``label_box()``: the window's, asked when pressed), the first time with its note; the others only show their
    hint in the status line."""
    actions = []
    for key, there, _ in KEY_HINTS:
        action = QAction(f"labelImg's {key} ({there})", window)
        action.setObjectName(f"labelimg_hint_{key}")
        action.setShortcut(QKeySequence(key))
        if key == EDIT_LABEL_KEY:
            action.triggered.connect(_EditLabel(window, label_box))
        else:
            action.triggered.connect(lambda _checked=False, said=PRESSED_SAID[key]: _say(window, said))
        window.addAction(action)
        actions.append(action)
    return actions


class _EditLabel:
    """Ctrl+E: the keyboard to the Label box as its caption's Alt+L gives it, and the note on the first press."""

    def __init__(self, window: QWidget, label_box: Callable[[], QComboBox | None]) -> None:
        self._window, self._label_box = window, label_box
        self._said = False

    def __call__(self, _checked: bool = False) -> None:
        # Asked when pressed: the window builds its actions before its toolbar's Label box
        if (box := self._label_box()) is None:
            return
        # What the caption's access key does to its buddy, the box (QLabel's mnemonic): the focus reason makes
        # the box's line edit select its text as the keyboard arrives
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if (line := box.lineEdit()) is not None:
            line.selectAll()  # (the box had the keyboard already: no focus-in to select it)
        if not self._said:
            self._said = True
            _say(self._window, PRESSED_SAID[EDIT_LABEL_KEY])


def _say(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, HINT_MS)
