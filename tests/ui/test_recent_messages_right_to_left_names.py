"""Help → Recent messages laid out a message that starts with a right-to-left name right to left: Qt took the
paragraph's direction from its first letter, not skipping the isolates the status line's messages set a name apart
with (``isolated``), and "12:00:00  תמונה.xml was changed on disk…" read from the right, its time out of view.
petloc's messages are English sentences: each paragraph is left to right, its time first at the left, whatever the
layout's direction (as the status line draws them)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QStatusBar, QWidget

from petloc_gui.core.text import isolated
from petloc_gui.ui.recent_messages import TIME_FORMAT, MessageLog, RecentMessagesDialog

HEBREW_FIRST = f"{isolated('תמונה.xml')} was changed on disk by another program: reloaded."
ARABIC_FIRST = f"{isolated('صورة.xml')} was saved."


@pytest.fixture(params=[Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def dialog(qtbot, request):
    log = MessageLog(now=lambda: datetime(2024, 5, 1, 12, 0, 0))
    for message in ("Saved a.xml.", HEBREW_FIRST, ARABIC_FIRST):
        log.record(message, "")
    window, bar = QWidget(), QStatusBar()
    qtbot.addWidget(window)
    qtbot.addWidget(bar)
    window.setLayoutDirection(request.param)  # (`-reverse`: the dialog's own direction follows its window's)
    shown = RecentMessagesDialog(log, bar.messageChanged, window, lambda: None)
    shown.show_again()
    qtbot.waitExposed(shown)
    yield shown  # (its window and bar held here: the dialog goes with its window)


def test_each_message_is_laid_out_left_to_right(dialog):
    block = dialog.text.document().begin()
    directions = {}
    while block.isValid():
        directions[block.text()] = block.textDirection()
        block = block.next()
    assert set(directions) == {f"12:00:00  {message}" for message in ("Saved a.xml.", HEBREW_FIRST, ARABIC_FIRST)}
    assert set(directions.values()) == {Qt.LayoutDirection.LeftToRight}


def test_the_time_of_a_message_that_starts_with_a_hebrew_name_is_first_at_the_left(dialog):
    text = dialog.text
    block = next(block for block in _blocks(text.document()) if HEBREW_FIRST in block.text())
    time_width = len(datetime(2000, 1, 1).strftime(TIME_FORMAT))
    start, time_end = QTextCursor(block), QTextCursor(block)
    time_end.setPosition(block.position() + time_width)
    left = text.cursorRect(start).x()
    assert left < text.cursorRect(time_end).x()  # its time reads from the left
    assert left <= text.viewport().width() // 4  # at the left edge, in view (right to left: at the right)


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()
