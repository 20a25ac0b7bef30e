"""Help → Recent messages (Ctrl+H): a status message longer than the bar kept its start and end around "…", whole
only in a tooltip the mouse brings up, and was gone after its few seconds; a keyboard user could not read it. The
dialog lists the last messages whole, newest first, each with its time, as plain text; Esc gives the keyboard back
to the image."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.recent_messages import KEPT, MessageLog, RecentMessagesDialog

# longer than all a 900 px window's bar: elided on it
LONG = ("Save failed: /home/user/datasets/" + "very/long/folder/name/for/the/camera/" * 2
        + "<b>IMG_0042</b>.xml: [Errno 13] Permission denied")


def _ctrl_h(qtbot, window, keys_in=None) -> RecentMessagesDialog:
    """Ctrl+H pressed on the image (or in ``keys_in``), the window active (as the user has it): the dialog, shown."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    keys_in = keys_in or window.panel.gt_pane
    keys_in.setFocus()
    qtbot.waitUntil(keys_in.hasFocus, timeout=3000)
    qtbot.keyClick(keys_in, Qt.Key_H, Qt.ControlModifier)
    dialog = window.findChild(RecentMessagesDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def _lines(dialog: RecentMessagesDialog) -> list[str]:
    return dialog.text.toPlainText().split("\n")


def test_a_message_shown_and_gone_is_read_whole(qtbot, window):
    window.resize(900, 600)
    qtbot.waitUntil(lambda: window.width() <= 900)
    bar = window.statusBar()
    window.show_status(LONG, 200)
    assert bar.is_elided()  # on the bar: its start and end around "…"
    qtbot.waitUntil(lambda: not bar.currentMessage(), timeout=3000)  # gone after its time
    dialog = _ctrl_h(qtbot, window)
    assert not dialog.isModal()
    newest = _lines(dialog)[0]
    time, _, text = newest.partition("  ")
    assert text == LONG  # whole, its markup-like name as written
    assert datetime.strptime(time, "%H:%M:%S")
    dialog.text.selectAll()
    dialog.text.copy()
    assert LONG in QApplication.clipboard().text()


def test_the_last_fifty_are_kept_newest_first(qtbot, window):
    for number in range(60):
        window.show_status(f"Message {number}", 4000)
    dialog = _ctrl_h(qtbot, window)
    shown = [line.partition("  ")[2] for line in _lines(dialog)]
    assert shown == [f"Message {number}" for number in range(59, 9, -1)]
    assert len(shown) == KEPT == 50


def test_a_message_said_while_it_is_open_comes_at_the_top_the_selection_kept(qtbot, window):
    window.show_status("Saved 1 image.", 4000)
    dialog = _ctrl_h(qtbot, window)
    cursor = dialog.text.textCursor()  # the reader selects "Saved 1 image." to copy it
    start = dialog.text.toPlainText().index("Saved")
    cursor.setPosition(start)
    cursor.setPosition(start + len("Saved 1 image."), QTextCursor.MoveMode.KeepAnchor)
    dialog.text.setTextCursor(cursor)
    window.show_status("Renamed cat to Cat.", 4000)
    assert [line.partition("  ")[2] for line in _lines(dialog)[:2]] == ["Renamed cat to Cat.", "Saved 1 image."]
    assert dialog.text.textCursor().selectedText() == "Saved 1 image."


def test_esc_closes_it_and_gives_the_keyboard_back_to_the_image(qtbot, window):
    window.show_status("Saved 1 image.", 4000)
    dialog = _ctrl_h(qtbot, window, keys_in=window.file_dock.search)  # the keys in the search box before
    qtbot.waitUntil(dialog.text.hasFocus, timeout=3000)
    qtbot.keyClick(dialog.text, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=3000)


def test_progress_gives_its_place_to_what_replaced_it():
    clock = iter(datetime(2026, 12, 5, 20, 0) + timedelta(seconds=second) for second in range(100))
    log = MessageLog(now=lambda: next(clock))
    log.record("Saved 1 image.", "")
    log.record("Saving 1 of 3: a.xml…", "Saved 1 image.")
    log.record("Saving 2 of 3: b.xml…", "Saving 1 of 3: a.xml…")  # while the first still shows
    log.record("Saved 3 images.", "Saving 2 of 3: b.xml…")
    log.record("Saved 3 images.", "Saved 3 images.")  # said again while it shows: once, at its last time
    log.record("", "Saved 3 images.")  # cleared: nothing said
    log.record("Saved 3 images.", "")  # again after it went: said again
    said = log.said()
    assert [message.text for message in said] == ["Saved 3 images.", "Saved 3 images.", "Saved 1 image."]
    assert said[1].at == datetime(2026, 12, 5, 20, 0, 4)
