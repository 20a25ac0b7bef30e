"""The Images list floated over part of the window (a 1366x768 laptop, a maximised window), petloc quit and
started again: no image list. Qt mapped the floating dock as the saved layout was restored, before the main
window, and the window manager put the main window, mapped last, on top of it. F9 then hid the list no one
could see (a floating dock is never "covered" by Qt's reckoning), and F9 again docked it: the layout was lost.
Once the window is on screen its floating docks are raised over it. F9 still hides a floating list in sight on
its first press, over the window or clear of it (Qt cannot tell whether a top-level is under another: raising
a list over the window that was not active, as once tried, took two presses to hide the list on top)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from .conftest import destroy_window


def _made(factory, path):
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.settings import Settings

    return MainWindow(model_factory=factory, settings=Settings(path))


def _floated(qtbot, dock) -> None:
    if dock.isHidden():
        dock.show()
    dock.setFloating(True)  # as its float button does: no mouse button down
    qtbot.waitUntil(lambda: dock.isFloating() and dock.isVisible(), timeout=5000)


def _over_the_window(qtbot, window, dock) -> None:
    """``dock`` floating over the left part of ``window`` (where a laptop's screen has room for it)."""
    _floated(qtbot, dock)
    corner = window.panel.mapToGlobal(window.panel.rect().topLeft())
    dock.move(corner.x() + 10, corner.y() + 10)
    qtbot.waitUntil(lambda: dock.frameGeometry().intersects(window.frameGeometry()), timeout=3000)


def test_floating_docks_of_a_restored_layout_are_raised_over_the_window_once_it_shows(qtbot, factory, tmp_path):
    path = str(tmp_path / "settings.ini")
    first = _made(factory, path)
    first.resize(1000, 700)
    first.show()
    qtbot.waitExposed(first)
    _over_the_window(qtbot, first, first.file_dock)
    _over_the_window(qtbot, first, first.dataset_panel)
    destroy_window(first)  # its layout saved, both docks floating

    again = _made(factory, path)
    try:
        floating = [dock for dock in (again.file_dock, again.dataset_panel) if dock.isFloating()]
        assert len(floating) == 2, [dock.objectName() for dock in floating]
        raised: dict[str, int] = {dock.objectName(): 0 for dock in floating}

        def spy_on(dock) -> None:
            name, real = dock.objectName(), dock.raise_

            def spy() -> None:
                raised[name] += 1
                real()
            dock.raise_ = spy

        for dock in floating:
            spy_on(dock)
        again.show()
        qtbot.waitExposed(again)
        qtbot.waitUntil(lambda: all(count > 0 for count in raised.values()), timeout=3000)
        assert all(dock.isVisible() and dock.isFloating() for dock in floating)
    finally:
        destroy_window(again)


def test_f9_hides_a_floating_list_over_the_window_at_the_first_press_from_the_main_window(qtbot, window):
    """The ordinary case (the list on top while the user works in the main window, as a restart leaves it):
    F9 hides the list at once, the keyboard left in the main window, rather than raising the list, activating
    it and moving the keyboard from the image to the table (a second F9 hid it)."""
    dock = window.file_dock
    _over_the_window(qtbot, window, dock)
    dock.raise_()
    window.activateWindow()  # the user working in the main window, the list on top of it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.panel.setFocus()
    qtbot.waitUntil(lambda: window.panel.hasFocus(), timeout=3000)
    window.act["image_list"].trigger()  # F9, once
    assert dock.isHidden()
    assert not window.act["image_list"].isChecked()
    qtbot.wait(100)  # an activation of the list would come now
    assert QApplication.activeWindow() is window
    assert window.panel.hasFocus()


def test_f9_still_hides_a_floating_list_clear_of_the_window(qtbot, window):
    dock = window.file_dock
    area = dock.floating_guard.area()
    window.setGeometry(QRect(area.left(), area.top() + 40, area.width() // 2, area.height() - 100))
    qtbot.wait(50)  # the list narrowed with the window (`DockShare`): it fits beside it
    _floated(qtbot, dock)
    qtbot.waitUntil(lambda: dock.x() >= window.frameGeometry().right(), timeout=5000)  # beside the window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.act["image_list"].trigger()
    assert dock.isHidden()
