"""The Images list floated over part of the window (a 1366x768 laptop, a maximised window), petloc quit and
started again: no image list. Qt mapped the floating dock as the saved layout was restored, before the main
window, and the window manager put the main window, mapped last, on top of it. F9 then hid the list no one
could see (a floating dock is never "covered" by Qt's reckoning), and F9 again docked it: the layout was lost.
Once the window is on screen its floating docks are raised over it, and F9 brings a floating dock over the
window that is not the active window to the front, keyboard and all, rather than hiding it."""

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


def test_f9_brings_a_floating_list_over_the_window_forward_rather_than_hiding_it(qtbot, window):
    dock = window.file_dock
    _over_the_window(qtbot, window, dock)
    window.activateWindow()  # the user back in the main window: the list may be under it
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    raised = []
    real = dock.raise_
    dock.raise_ = lambda: (raised.append(True), real())
    window.act["image_list"].trigger()  # F9
    assert not dock.isHidden() and dock.isFloating()
    assert raised
    qtbot.waitUntil(dock.isActiveWindow, timeout=3000)
    assert window.act["image_list"].isChecked()
    window.act["image_list"].trigger()  # F9 again, the list in front and active: hidden, as documented
    assert dock.isHidden()
    assert not window.act["image_list"].isChecked()


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
