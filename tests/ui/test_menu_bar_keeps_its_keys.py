"""After a menu left with Esc (Alt+G or Alt+V, then Esc) the menu bar has the keyboard: its arrows walk the
menus, Return, Enter or Space opens the one shown, a menu's letter opens that menu. They were the window's
shortcuts there: Right or Down moved the image's box 1 px ("edited (unsaved)"), and V (the View menu's letter)
marked the image verified; only Return reached the menu bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from petloc_gui.core.boxes import Box
from petloc_gui.ui.focused_widget_keys import keeps_key

from .conftest import open_and_wait

NONE = Qt.KeyboardModifier.NoModifier
C_BOX = Box(20, 20, 60, 60)  # c.png's box


def _on_image_c(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)
    window.edits.select(0)
    return window.session.store.document(2)


def _untouched(window, doc) -> bool:
    return window.session.current == 2 and doc.objects[0].box == C_BOX and not doc.dirty and not window.edits.doc.dirty


def _menu_left_by_escape(qtbot, window, letter):
    """From the image, Alt+letter opens the menu, Esc closes it: the menu bar has the keyboard."""
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QMenuBar), timeout=2000)


def _close_menus(qtbot):
    """Esc closes the menu open, then gives the keyboard back from the menu bar."""
    while (popup := QApplication.activePopupWidget()) is not None:
        qtbot.keyClick(popup, Qt.Key_Escape)
    if isinstance(QApplication.focusWidget(), QMenuBar):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Escape)


def test_the_arrows_after_a_menu_left_by_escape_leave_the_box(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    for letter in (Qt.Key_G, Qt.Key_V):
        for arrow in (Qt.Key_Right, Qt.Key_Left, Qt.Key_Down, Qt.Key_Up):
            _menu_left_by_escape(qtbot, window, letter)
            qtbot.keyClick(QApplication.focusWidget(), arrow)
            _close_menus(qtbot)  # Down and Up open the menu shown
            assert _untouched(window, doc), (letter, arrow)


def test_a_menu_letter_on_the_menu_bar_opens_its_menu_not_the_window_shortcut(qtbot, window, folder):
    doc = _on_image_c(qtbot, window, folder)
    _menu_left_by_escape(qtbot, window, Qt.Key_G)
    verified = window.act["verify"].isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_V)  # &View's letter, and the window's "Mark verified"
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    assert QApplication.activePopupWidget().title().replace("&", "") == "View"
    _close_menus(qtbot)
    assert window.act["verify"].isChecked() == verified and _untouched(window, doc)


def test_the_menu_bar_keeps_what_opens_or_walks_its_menus_only(qapp):
    bar = QMenuBar()
    bar.addMenu("&File")
    bar.addMenu("&View")
    for key in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space,
                Qt.Key_V, Qt.Key_F):
        assert keeps_key(bar, key, NONE), key
    # no menu's letter, or a command: the window's
    for key, modifier in ((Qt.Key_A, NONE), (Qt.Key_V, Qt.KeyboardModifier.ControlModifier),
                          (Qt.Key_PageDown, NONE), (Qt.Key_Home, NONE)):
        assert not keeps_key(bar, key, modifier), key
