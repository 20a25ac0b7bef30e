"""The Dataset panel's summary line: its "N problems" link reached by Tab, and no Tab stop without it.

Qt makes a label whose links the keyboard reaches a Tab stop, with a link or without, and shows the link only
at a second Tab: the first stop showed nothing, and the arrows pressed there moved the image's box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel

MOUSE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse


class SummaryLabel(QLabel):
    """Rich text whose links a click follows; while it holds one (`hold_link`), Tab stops on it, showing the
    link at once, and Enter follows it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.hold_link(False)

    def hold_link(self, link: bool) -> None:
        """Whether the text holds a link the keyboard should reach. Qt gives the label the focus policy of its
        flags: strong with the keyboard's links, a click's (to select text) without."""
        keys = Qt.TextInteractionFlag.LinksAccessibleByKeyboard if link else Qt.TextInteractionFlag.NoTextInteraction
        self.setTextInteractionFlags(MOUSE | keys)

    def show_link(self) -> None:
        """The link shown with the keyboard on it again, after the text was set anew (Enter on it writes "hide"):
        the new text kept the keyboard with no link shown, and Enter did nothing until Tab."""
        if not self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            return  # (Qt's step between links would move the keyboard to the next widget)
        # the step looks for a link after the cursor, which the new text left past it: none found, Qt moved the
        # keyboard to the next widget. From the start it finds the (one) link.
        self.setSelection(0, 0)
        self.focusNextPrevChild(True)

    def focusInEvent(self, event: QFocusEvent) -> None:  # Qt's name
        super().focusInEvent(event)
        tabbed = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if tabbed and self.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            # QLabel's own step between its links: the first (Shift+Tab: the last) shown, Enter follows it
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)
