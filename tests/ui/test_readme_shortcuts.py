"""The README's shortcut table names every key the window's actions take (ui/actions.py) and the
mouse gestures F1 lists: R, Home, Backspace, =, Ctrl+0, Ctrl+O, Ctrl+Q and right/middle-drag pan
were missing."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ARROWS = ("Left", "Right", "Up", "Down")


def _table_keys(text: str = README) -> set[str]:
    """Every key of the README's `| Keys | Action |` table, shorthand expanded: "Ctrl+Shift+Up/Down" is
    Ctrl+Shift+Up and Ctrl+Shift+Down, "Alt+arrows" the four Alt+arrow keys, "D / Shift+D" both."""
    table = text.split("| Keys | Action |", 1)[1].split("\n\n", 1)[0]
    keys: set[str] = set()
    for line in table.splitlines()[2:]:
        cell = line.split("|")[1]
        for token in re.split(r",| / | or ", cell):
            token = token.strip()
            if span := re.fullmatch(r"(\d) … (\d)", token):  # "1 … 9": the digit keys
                keys.update(str(d) for d in range(int(span[1]), int(span[2]) + 1))
                continue
            prefix, _, last = token.rpartition("+") if "/" in token or token.endswith("arrows") else ("", "", token)
            prefix = prefix + "+" if prefix else ""
            if last.endswith("arrows"):
                keys.update(prefix + arrow for arrow in ARROWS)
            else:
                keys.update(prefix + alternative for alternative in last.split("/"))
    return keys


def test_every_action_shortcut_is_in_the_readme_table():
    from petloc_gui.ui.actions import ACTIONS

    keys = _table_keys()
    missing = [(spec.name, key) for spec in ACTIONS for key in spec.shortcuts if key not in keys]
    assert missing == []


def test_every_mouse_gesture_of_the_help_is_in_the_readme_table():
    from petloc_gui.ui.actions import MOUSE_HELP

    table = README.split("| Keys | Action |", 1)[1].split("\n\n", 1)[0].lower()
    for gesture, _ in MOUSE_HELP:
        words = {"left-drag on empty space": "drag on empty space", "right- or middle-drag": "right- or middle-drag",
                 "ctrl + wheel": "ctrl+wheel"}.get(gesture.lower(), gesture.lower())
        assert words in table, gesture


def test_the_expansion_rule():
    table = "| Keys | Action |\n|---|---|\n| Alt+arrows, Ctrl+Shift+Up/Down, D / Shift+D, + / = / Ctrl++ | x |\n\n"
    assert _table_keys(table) == {"Alt+Left", "Alt+Right", "Alt+Up", "Alt+Down", "Ctrl+Shift+Up", "Ctrl+Shift+Down",
                                  "D", "Shift+D", "+", "=", "Ctrl++"}


def test_every_shortcut_of_the_window_is_in_the_readme_table(window):
    """Also the ones bound outside ui/actions.py (Ctrl+I, Ctrl+T, undo/redo, the Model menu...)."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    keys = _table_keys()
    bound = [(action.text(), seq) for action in window.findChildren(QAction) for seq in action.shortcuts()]
    bound += [(shortcut.objectName(), shortcut.key()) for shortcut in window.findChildren(QShortcut)]
    missing = sorted({(name, text) for name, seq in bound
                      if (text := seq.toString(QKeySequence.SequenceFormat.PortableText)) and text not in keys})
    assert missing == []
