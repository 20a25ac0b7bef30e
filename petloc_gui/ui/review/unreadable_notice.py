"""The line under the image list while a folder of the list cannot be read (`ImageSetWatch.unreadable`: chmod 000,
a network share's hiccup). The status line said it for 30 s, and any other message replaced it sooner, while the
list stays as last read for as long as the outage lasts: this line stays until the folder can be read again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel

from petloc_gui.core.text import visible
from petloc_gui.ui.plain_text import as_plain
from petloc_gui.ui.review.image_set_watch import cannot_read


def folder_named(folder: str, root: str) -> str:
    """``folder`` by its path from the open folder's parent (``pets/day``), short enough for a narrow list and
    still saying which; the whole path where it is not inside the open folder."""
    try:
        named = Path(folder).relative_to(Path(root).parent)
    except ValueError:
        return folder
    return folder if named == Path(".") else str(named)


def unreadable_line(folders: list[tuple[str, str]], root: str) -> str:
    """"Cannot read the folder pets/day: Permission denied; looked at again every few seconds" ("" for none)."""
    if not folders:
        return ""
    opening = cannot_read(folders, lambda folder: visible(folder_named(folder, root)))
    return f"{opening}; looked at again every few seconds"


class UnreadableNotice(QLabel):
    """Hidden until a folder cannot be read; plain text (a folder "<b>pets" as named), its tooltip each folder
    whole with its reason."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(3)
        self.hide()

    def show_folders(self, folders: list[tuple[str, str]], root: str) -> None:
        """Say the (folder, the OS's reason) pairs that cannot be read now, within the open folder ``root``
        (none: the line hides)."""
        self.setText(unreadable_line(folders, root))
        self.setToolTip(as_plain("\n".join(f"{visible(folder)}: {why}" for folder, why in folders)))
        self.setVisible(bool(folders))
