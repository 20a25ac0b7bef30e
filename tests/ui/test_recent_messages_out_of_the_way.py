"""Help → Recent messages opened at a fixed 640x360 centred on the main window, however few its messages: at 150%
one message covered a whole image pane, and on a small screen both. It opens as tall as its messages (a few lines
at least, at most `MOST_SCREEN_SHARE` of the screen), inside the screen, at the window's bottom edge just above
the status line the messages come from; not modal, and Esc still gives the keyboard back to the image."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.recent_messages import MOST_SCREEN_SHARE, RecentMessagesDialog, show_recent_messages

OLD_HEIGHT = 360


def _opened(qtbot, window) -> RecentMessagesDialog:
    dialog = show_recent_messages(window)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def test_one_message_opens_a_short_window_above_the_status_line(qtbot, window):
    window.statusBar().showMessage("Saved 1 image.", 5000)
    dialog = _opened(qtbot, window)
    assert not dialog.isModal()
    assert dialog.height() <= OLD_HEIGHT * 2 // 3  # far below the old fixed height
    assert "Saved 1 image." in dialog.text.toPlainText()
    area = window.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())
    status_top = window.statusBar().mapToGlobal(QPoint(0, 0)).y()
    assert dialog.frameGeometry().bottom() < status_top  # the status line shows under it
    panes = window.centralWidget()
    panes_top = panes.mapToGlobal(QPoint(0, 0)).y()
    assert dialog.frameGeometry().top() > panes_top + panes.height() // 2  # the panes' lower part at most


def test_many_messages_take_at_most_their_share_of_the_screen(qtbot, window):
    for number in range(50):
        window.statusBar().showMessage(f"Saved image {number} of 50.", 5000)
    dialog = _opened(qtbot, window)
    area = window.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height() * MOST_SCREEN_SHARE
    assert area.contains(dialog.frameGeometry())
    assert dialog.text.verticalScrollBar().maximum() > 0  # the rest scrolls


def test_esc_still_gives_the_keyboard_back_to_the_image(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.statusBar().showMessage("Saved 1 image.", 5000)
    dialog = _opened(qtbot, window)
    qtbot.waitUntil(dialog.text.hasFocus, timeout=3000)
    qtbot.keyClick(dialog.text, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=3000)
