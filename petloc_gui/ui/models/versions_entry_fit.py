"""A Model → Versions entry's text (its access key, its parts) held to the width of the screen the menu opens on
(`fit_entries`): an entry wider than that has its id shortened to its end ("…329e98"), then its end cut with "…";
the tooltip has it all.

Which screen: the menu is rebuilt on aboutToShow, before Qt moves it onto the screen it opens on, so its own screen
then is the one it was made or last shown on. In a window on a second screen narrower than the first (2560 px, then
800 px), the entries were fitted to 2560 px and Qt squeezed the menu into 800 px, cutting them itself: no id
shortened, no "…", the mark cut with the rest. The screen is that of where it opens (`opening_screen`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from petloc_gui.core.text import visible

ID_END = 6  # the characters of an id an entry too wide for the screen keeps ("…329e98"; the tooltip has it whole)
PARTS = "  ·  "  # between an entry's parts


def menu_text(text: str) -> str:
    """A name or note as a menu entry shows it: an "&" in it is shown, not taken for an access key."""
    return text.replace("&", "&&")


def shown(text: str) -> str:
    """A menu entry's text as drawn: its access key's "&" gone, a shown "&&" one "&"."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def joined(parts: Iterable[str]) -> str:
    return PARTS.join(filter(None, parts))


def keyed(key: str, text: str) -> str:
    """A version's entry: its access key (none when the keys ran out) before ``text`` (as shown: `visible`)."""
    return f"&{key} {menu_text(text)}" if key else menu_text(text)


def opening_screen(menu: QMenu) -> QScreen | None:
    """The screen ``menu`` opens on: a submenu's at the right of its entry in the open menu above it (where Qt puts
    it), else the screen of its nearest shown parent's window; its own when none is shown."""
    parent = menu.parentWidget()
    while parent is not None and not parent.isVisible():
        parent = parent.parentWidget()
    if parent is None:
        return menu.screen()
    if isinstance(parent, QMenu):
        entry = parent.actionGeometry(menu.menuAction())
        corner = entry.topRight() if entry.isValid() else parent.rect().topRight()
        screen = QGuiApplication.screenAt(parent.mapToGlobal(corner))
        if screen is not None:
            return screen
    return parent.window().screen()


def screen_width(menu: QMenu) -> int:
    """How wide the screen ``menu`` opens on is, in its logical pixels (1366 px at scale 1.5: 911)."""
    screen = opening_screen(menu)
    return screen.availableGeometry().width() if screen is not None else 1 << 24


def fit_entries(menu: QWidget, entries: list[tuple[QAction, str, tuple[str, ...]]], width: int) -> None:
    """Each version's entry (its action, access key and parts: folder and date, mark, figures, id, note) as wide
    as ``width`` (the screen's) leaves it beside ``menu``'s own margins: its id shortened to its end, then its text
    cut at its end. (The figures are already in short; the note at `REASON_CHARS`.)"""
    metrics = menu.fontMetrics()
    widest = max((metrics.horizontalAdvance(shown(action.text())) for action in menu.actions()), default=0)
    room = width - max(0, menu.sizeHint().width() - widest)
    for action, key, parts in entries:
        if metrics.horizontalAdvance(shown(action.text())) <= room:
            continue
        head, pending, short, version_id, note = parts
        shortened = f"…{version_id[-ID_END:]}" if len(version_id) > ID_END + 1 else version_id
        text = visible(joined((head, pending, short, shortened, note)))
        key_shown = f"{key} " if key else ""
        if metrics.horizontalAdvance(key_shown + text) > room:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                      max(0, room - metrics.horizontalAdvance(key_shown)))
        action.setText(keyed(key, text))
