"""Help → Recent messages: the last status-line messages, newest first, each whole with its time.

A message shows for a few seconds, on one line: one longer than the bar leaves it keeps its start and end around
"…" (`status_line`), whole only in a tooltip the mouse brings up, and one a keyboard user missed (read while the
keys were elsewhere, or replaced by the next) was gone. Here they stay, as plain text (a file or class named
"<b>cat</b>" reads as written), selectable and copyable (Ctrl+A, Ctrl+C), in a window beside the main one (not
modal: the message it is opened for may be followed by others, added at the top while it is open); Esc closes it
and the keyboard goes back to the image. It opens as tall as its messages (a few lines at least, at most
`MOST_SCREEN_SHARE` of the screen) at the main window's bottom edge, just above the status line it keeps: at a
fixed 640x360 centred on the window, one message covered both image panes (at 150%, a whole pane).

The status line records each message it is given (`StatusLine.showMessage`), at most `KEPT` of them. Not the
menus' status tips (hovering or walking a menu shows its entries' tips): they say what an entry does, not what
happened, and Qt gives them to the bar past Python's ``showMessage``. A message saying that something is under way
("Saving 3 of 500: c.xml…", ending with "…") gives its place to the next one that replaces it while it shows, and
the same message said again while it shows is kept once, at its last time: a Save All of 500 images would
otherwise push every message before it out.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPoint, QRect, Qt, SignalInstance
from PySide6.QtGui import QAction, QGuiApplication, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QStatusBar, QTextEdit, QVBoxLayout, QWidget

from petloc_gui.ui.window_geometry import fit_into, frame_extra, room_between_bars

KEPT = 50  # messages kept, the oldest dropped first
UNDER_WAY = "…"  # the end of a message that says something is going on, not done
TIME_FORMAT = "%H:%M:%S"
TIME_GAP = "  "  # between a message's time and its text
WIDTH_PX = 640  # its width, as long as the main window and the screen have it
FEWEST_LINES = 3  # the text's height with fewer messages: it reads as a list, with room for the next ones
MOST_SCREEN_SHARE = 0.4  # of the screen's height, at most, with many messages (the rest scrolls)


@dataclass(frozen=True)
class SaidMessage:
    at: datetime
    text: str


class MessageLog:
    """The status line's last `KEPT` messages, oldest first (`said` gives them newest first)."""

    def __init__(self, kept: int = KEPT, now: Callable[[], datetime] = datetime.now) -> None:
        self._said: deque[SaidMessage] = deque(maxlen=kept)
        self._now = now

    def record(self, text: str, showing: str) -> None:
        """``text`` given to the status line while it shows ``showing`` ("" when none): kept, but an empty one
        (it clears the line). The newest one kept gives way to it while it still shows, where it was under way
        ("…") or is the same text said again."""
        if not text:
            return
        newest = self._said[-1].text if self._said else None
        if newest is not None and newest == showing and (newest == text or newest.endswith(UNDER_WAY)):
            self._said.pop()
        self._said.append(SaidMessage(self._now(), text))

    def said(self) -> list[SaidMessage]:
        return list(reversed(self._said))


def log_lines(said: list[SaidMessage]) -> list[str]:
    """The messages as the dialog shows them: one paragraph each, its time first."""
    return [f"{message.at.strftime(TIME_FORMAT)}{TIME_GAP}{message.text}" for message in said]


class RecentMessagesDialog(QDialog):
    """The log's messages in a read-only text, refreshed as the status line shows new ones (``message_changed``,
    its messageChanged signal; the user's selection and scroll kept: counted from the end, which new messages at the
    top do not move)."""

    def __init__(self, log: MessageLog, message_changed: SignalInstance, parent: QWidget,
                 back_to_image: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle("petloc — recent messages")
        self._log = log
        self._back_to_image = back_to_image
        note = QLabel(f"The status line's last {KEPT} messages, newest first (select and copy with Ctrl+A, Ctrl+C).")
        note.setWordWrap(True)
        self.text = QTextEdit(self)  # (a QPlainTextEdit ignores a paragraph's indent, `_fill`)
        self.text.setAcceptRichText(False)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long path wraps too
        self.text.setAccessibleName("Recent status-line messages, newest first")
        self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.finished.connect(self._closed)
        message_changed.connect(self._message_changed)  # (a method: disconnected when the dialog goes)
        self.refresh()

    def _message_changed(self, _message: str) -> None:
        # closed, it is refreshed when shown again (`show_again`): rebuilding its 50 paragraphs for each of Save
        # All's "Saving k of 500" took 2.6 s of the window's thread against 84 ms
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        lines = log_lines(self._log.said()) or ["No message yet."]
        before = self.text.toPlainText()
        if "\n".join(lines) == before:
            return
        cursor, bar = self.text.textCursor(), self.text.verticalScrollBar()
        # where the reader is, counted from the end (what new messages at the top do not move); at the top,
        # the newest message, it stays there
        at_top = not cursor.hasSelection() and cursor.position() == 0 and bar.value() == 0
        anchor, position = len(before) - cursor.anchor(), len(before) - cursor.position()
        from_bottom = bar.maximum() - bar.value()
        self._fill(lines)
        if at_top:
            return
        length = len(self.text.toPlainText())
        kept = self.text.textCursor()
        kept.setPosition(max(0, length - anchor))
        kept.setPosition(max(0, length - position), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(kept)
        bar.setValue(bar.maximum() - from_bottom)

    def _fill(self, lines: list[str]) -> None:
        """One paragraph a message, as plain text (inserted, never parsed), its next lines under its text."""
        self.text.clear()
        indent = self.text.fontMetrics().horizontalAdvance(datetime(2000, 1, 1).strftime(TIME_FORMAT) + TIME_GAP)
        paragraph = QTextBlockFormat()
        # left to right, as the status line draws them (`status_line.text_flags`): petloc's messages are English
        # sentences. Left to Qt, a paragraph took the direction of its first letter, the isolates around a name
        # not skipped: a message that starts with a Hebrew file name ("תמונה.xml was changed on disk…") was laid
        # out right to left, its time out of view.
        paragraph.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        paragraph.setLeftMargin(indent)
        paragraph.setTextIndent(-indent)
        cursor = QTextCursor(self.text.document())
        cursor.setBlockFormat(paragraph)
        for number, line in enumerate(lines):
            if number:
                cursor.insertBlock(paragraph)
            cursor.insertText(line)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _area(self) -> QRect:
        """The available part of the screen its main window is on."""
        owner = self.parentWidget()
        screen = owner.screen() if owner is not None else QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit_to_messages(self) -> None:
        """As tall as its messages at its width (`FEWEST_LINES` at least, `MOST_SCREEN_SHARE` of the screen at
        most), and put at its main window's bottom edge, above the status line, centred across the window."""
        area, owner, extra = self._area(), self.parentWidget(), frame_extra(self)
        width = min(WIDTH_PX, area.width() - extra.width(), owner.width() if owner is not None else WIDTH_PX)
        # measured on a copy: the text's own document, not shown yet, is laid out at its own width (none yet)
        document = self.text.document().clone()
        document.setDefaultFont(self.text.font())
        frame = 2 * self.text.frameWidth()
        layout = self.layout()
        assert layout is not None, "set in __init__"
        margins = layout.contentsMargins()
        document.setTextWidth(width - margins.left() - margins.right() - frame
                              - self.text.verticalScrollBar().sizeHint().width())
        fewest = FEWEST_LINES * self.text.fontMetrics().lineSpacing() + 2 * document.documentMargin()
        text_height = max(document.size().height(), fewest) + frame
        others = layout.totalHeightForWidth(width) - self.text.sizeHint().height()
        height = min(int(others + text_height) + 1, int(area.height() * MOST_SCREEN_SHARE) - extra.height())
        self.resize(width, max(height, self.minimumSizeHint().height()))
        room = room_between_bars(owner, area) if owner is not None else area
        bottom = min(room.bottom(), owner.frameGeometry().bottom()) if owner is not None else room.bottom()
        centre = owner.frameGeometry().center().x() if owner is not None else area.center().x()
        outer_width, outer_height = self.width() + extra.width(), self.height() + extra.height()
        self.move(QPoint(centre - outer_width // 2, bottom + 1 - outer_height))
        fit_into(self, area)

    def show_again(self) -> None:
        """Shown (again), on top, with the keyboard in its text at the newest message: fitted to its messages
        and placed when it opens (where the user put it, while open, it stays)."""
        self.refresh()
        if not self.isVisible():
            self.fit_to_messages()
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _closed(self, _result: int) -> None:
        """The window it was opened from active again, the keyboard on its image: the dialog is not modal, and
        closing it left the keys where they were before, or nowhere where no window manager hands them back."""
        window = self.parentWidget()
        if window is not None:
            window.activateWindow()
        self._back_to_image()


def show_recent_messages(window: QWidget) -> RecentMessagesDialog | None:
    """``window``'s Recent messages dialog, made at its first call, shown: None where its status bar keeps no log."""
    bar = window.findChild(QStatusBar)
    log = getattr(bar, "message_log", None)
    if bar is None or not isinstance(log, MessageLog):
        return None
    dialog = window.findChild(RecentMessagesDialog)
    if dialog is None:
        dialog = RecentMessagesDialog(log, bar.messageChanged, window, getattr(window, "focus_canvas", lambda: None))
    dialog.show_again()
    return dialog


def add_recent_messages_action(window: QWidget, action: QAction) -> None:
    """Make ``action`` Help → Recent messages: it opens the dialog."""
    action.triggered.connect(lambda: show_recent_messages(window))
