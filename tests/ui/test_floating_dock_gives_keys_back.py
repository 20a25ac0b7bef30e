"""With the Images dock floating (a top-level window of its own), Esc or Enter in its search box gave
the focus to the image inside the main window, but the dock stayed the active window: D, A and the
other single keys went on typing into the search box ("dad", 0 of 40 listed). The main window is
activated too.

Enter and Esc in the search box go back through `focus_canvas`, as the floating dock's other ways back
to the image do (its Reload button, last test)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import folder_notice, look_now, open_and_wait, write_image


def _floating_dock_active(qtbot, window):
    dock = window.file_dock
    dock.setFloating(True)
    qtbot.waitExposed(dock)
    dock.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
    dock.search.setFocus()
    qtbot.waitUntil(lambda: dock.search.hasFocus(), timeout=5000)
    return dock


def test_escape_in_a_floating_dock_gives_the_keyboard_to_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = _floating_dock_active(qtbot, window)
    qtbot.keyClicks(dock.search, "da")
    qtbot.keyClick(dock.search, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_enter_in_a_floating_dock_does_the_same(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    dock = _floating_dock_active(qtbot, window)
    qtbot.keyClick(dock.search, Qt.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert QApplication.focusWidget() is window.panel.gt_pane


def test_the_keyboard_back_in_the_active_window_does_not_activate_it_again(qtbot, window, folder, monkeypatch):
    open_and_wait(qtbot, window, folder)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    calls = []
    monkeypatch.setattr(window, "activateWindow", lambda: calls.append(1))
    window.focus_canvas()
    assert calls == [] and QApplication.focusWidget() is window.panel.gt_pane


def test_another_window_the_user_is_in_keeps_the_keyboard(qtbot, window, folder):
    # (the first model arriving hides the no-model bar, which hands the keyboard back to the image)
    from PySide6.QtWidgets import QDialog

    open_and_wait(qtbot, window, folder)
    other = QDialog(window)
    other.setWindowFlags(Qt.WindowType.Window)
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    window.focus_canvas()
    qtbot.wait(50)
    assert QApplication.activeWindow() is other


def test_reload_in_a_floating_dock_gives_the_keyboard_to_the_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    write_image(folder / "f.png", seed=9)  # the dock's line says so, with its Reload button
    look_now(qtbot, window)
    assert folder_notice(window) == "1 new image in the folder"
    dock = window.file_dock
    dock.setFloating(True)
    qtbot.waitExposed(dock)
    dock.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dock, timeout=5000)
    dock.reload_button.click()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.panel.gt_pane, timeout=5000)
