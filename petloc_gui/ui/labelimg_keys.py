"""labelImg's keys that petloc has no action for: what petloc has instead, said in F1 and when pressed.

A labelImg user's hands press Ctrl+E (edit the selected box's label) and Ctrl+Shift+D (delete the image): here
they did nothing and nothing said so. Ctrl+E's counterpart is the Label box (Alt+L, its caption's access key);
petloc deletes no image, so Ctrl+Shift+D is bound to its hint alone, never to a delete. F1's labelImg row names
both (`help_dialog.labelimg_row`), as it names A and Space.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

LABEL_BOX_KEY = "Alt+L"  # the Label box caption's access key ("&Label:", `label_box.LabelBox`)

# (labelImg's key, what it does there, what petloc has instead)
KEY_HINTS: tuple[tuple[str, str, str], ...] = (
    ("Ctrl+E", "edit label", f"{LABEL_BOX_KEY} (the Label box)"),
    ("Ctrl+Shift+D", "delete image", "petloc deletes no image"),
)
# what the status line says when one is pressed
PRESSED_SAID = {
    "Ctrl+E": f"labelImg's Ctrl+E (edit label) is {LABEL_BOX_KEY} here: the Label box picks or types the selected "
              "box's label (a number key gives a class: F1 lists them).",
    "Ctrl+Shift+D": "petloc does not delete images (labelImg's Ctrl+Shift+D): delete the file outside petloc, then "
                    "F5 reloads the folder. Del deletes the selected box.",
}
HINT_MS = 8000


def hint_row_text() -> str:
    """The keys' part of F1's labelImg row: "Ctrl+E (edit label): Alt+L (the Label box); ..."."""
    return "; ".join(f"{key} ({there}): {here}" for key, there, here in KEY_HINTS)


def add_labelimg_key_hints(window: QWidget) -> list[QAction]:
    """Give ``window`` an action per key of `KEY_HINTS` (in no menu) that only shows its hint in the status line."""
    actions = []
    for key, there, _ in KEY_HINTS:
        action = QAction(f"labelImg's {key} ({there})", window)
        action.setObjectName(f"labelimg_hint_{key}")
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False, said=PRESSED_SAID[key]: _say(window, said))
        window.addAction(action)
        actions.append(action)
    return actions


def _say(window: QWidget, text: str) -> None:
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, HINT_MS)
