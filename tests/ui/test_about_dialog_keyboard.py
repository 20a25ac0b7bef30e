"""Help → About opened with the keyboard on the licence texts' bare tab bar: a screen reader said an unnamed tab
bar; and Tab went from the text back up to the documentation links above the tabs, then down to Close. It now
starts on the first tab's text (named: "petloc's licence (LICENSE)"), where the arrows and Page Down read
it; Tab goes round the links, the tab bar (named, its arrows change the tab), the text and Close, in the order
they are shown. Enter and Escape close the dialog from the text and the tab bar (Close is its default button).
Tab from Close went to the documentation label as a whole, no link marked and nothing to show where the keyboard
was; only the next Tab reached the README's link. Tab now lands on the first link, Shift+Tab from the tab bar on the
last."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from petloc_gui.cli.reference import README, docs_dir
from petloc_gui.ui.about_dialog import AboutDialog


def _in_the_about_dialog(qtbot, window, look: Callable[[AboutDialog], None]) -> list[str]:
    """Help → About opened as the menu opens it; ``look`` run once it has the keyboard. What went wrong in
    ``look`` (an assertion) is returned, as the dialog's event loop would swallow it."""
    failures: list[str] = []
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    def run() -> None:
        dialog, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        if not isinstance(dialog, AboutDialog) or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, run)
            return
        try:
            look(dialog)
        except AssertionError as exc:  # (shown by the test, after the dialog)
            failures.append(str(exc) or repr(exc))
        finally:
            if dialog.isVisible():
                failures.append("the dialog stayed open")
                dialog.reject()

    QTimer.singleShot(0, run)
    window.act["about"].trigger()
    return failures


def _close(dialog: AboutDialog) -> QWidget:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)


def _tab_walk(dialog: AboutDialog) -> list[QWidget]:
    """The widgets Tab gives the keyboard to, from the one that has it, once round."""
    start = QApplication.focusWidget()
    walk = [start]
    for _ in range(20):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return walk
        if QApplication.focusWidget() is not walk[-1]:  # (a label's links: one stop each, the same widget)
            walk.append(QApplication.focusWidget())
    raise AssertionError(f"Tab never came back to {start!r}")


def test_the_keyboard_starts_on_the_first_tabs_text_and_enter_closes(qtbot, window):
    def look(dialog: AboutDialog) -> None:
        text = dialog.texts["LICENSE"]
        assert QApplication.focusWidget() is text, QApplication.focusWidget()
        assert text.accessibleName() == "petloc's licence (LICENSE)"
        QTest.keyClick(text, Qt.Key.Key_Return)
        assert not dialog.isVisible()

    assert _in_the_about_dialog(qtbot, window, look) == []


def test_tab_goes_round_in_the_order_shown_the_tab_bar_included(qtbot, window):
    def look(dialog: AboutDialog) -> None:
        bar = dialog.tabs.tabBar()
        names = {id(dialog.texts["LICENSE"]): "LICENSE", id(_close(dialog)): "Close", id(dialog.docs): "links",
                 id(bar): "tab bar"}
        assert [names.get(id(w), repr(w)) for w in _tab_walk(dialog)] == ["LICENSE", "Close", "links", "tab bar"]
        assert bar.accessibleName() == "Licence and credits"
        QTest.keyClick(dialog.texts["LICENSE"], Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is bar
        QTest.keyClick(bar, Qt.Key.Key_Right)  # the tab bar's arrows: the next text, Tab into it
        QTest.keyClick(bar, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.texts["NOTICE"]
        QTest.keyClick(dialog.texts["NOTICE"], Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is _close(dialog)
        QTest.keyClick(_close(dialog), Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    assert _in_the_about_dialog(qtbot, window, look) == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape], ids=["Enter", "Escape"])
def test_enter_and_escape_on_the_tab_bar_close(qtbot, window, key):
    def look(dialog: AboutDialog) -> None:
        bar = dialog.tabs.tabBar()
        QTest.keyClick(dialog.texts["LICENSE"], Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is bar
        QTest.keyClick(bar, key)
        assert not dialog.isVisible()

    assert _in_the_about_dialog(qtbot, window, look) == []


def test_tab_from_close_lands_on_the_first_link_and_shift_tab_from_the_tab_bar_on_the_last(qtbot, window):
    def look(dialog: AboutDialog) -> None:
        close, docs, bar = _close(dialog), dialog.docs, dialog.tabs.tabBar()
        close.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(close, Qt.Key.Key_Tab)
        assert (QApplication.focusWidget(), docs.selectedText()) == (docs, str(README))  # the manual's link
        QTest.keyClick(docs, Qt.Key.Key_Tab)
        assert (QApplication.focusWidget(), docs.selectedText()) == (docs, str(docs_dir()))
        QTest.keyClick(docs, Qt.Key.Key_Tab)
        QTest.keyClick(docs, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is bar
        QTest.keyClick(bar, Qt.Key.Key_Backtab)
        assert (QApplication.focusWidget(), docs.selectedText()) == (docs, "cli.md")
        QTest.keyClick(docs, Qt.Key.Key_Escape)
        assert not dialog.isVisible()

    assert _in_the_about_dialog(qtbot, window, look) == []
