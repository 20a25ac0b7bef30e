"""Tab and Shift+Tab leave the read-only tables (WCAG 2.1.2, no keyboard trap); arrows move within them.

With Qt's default tabKeyNavigation, Tab stepped from cell to cell inside the Images list and wrapped to
the next row, so every fifth Tab opened another image and focus never left the list; the same in the
Retraining window's comparison table (Use / Discard only reachable backwards) and the F1 table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from .conftest import open_and_wait


def _activate(qtbot, widget) -> None:
    window = widget.window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _focus(qtbot, widget) -> None:
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=5000)


def test_tab_leaves_the_image_list_and_opens_no_other_image(qtbot, window, folder):
    _activate(qtbot, window)
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    view = window.file_dock.view
    for key, modifier in ((Qt.Key_Tab, Qt.NoModifier), (Qt.Key_Backtab, Qt.ShiftModifier)):
        _focus(qtbot, view)
        shown = window.session.current
        qtbot.keyClick(view, key, modifier)
        assert not view.hasFocus(), key  # focus moved on to the next (previous) widget
        assert window.session.current == shown  # and no Tab opened another image
    _focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key_Down)  # the arrows still walk the list
    assert view.hasFocus() and window.session.current == 1


def _tab_leaves(qtbot, table) -> None:
    _activate(qtbot, table)
    for key, modifier in ((Qt.Key_Tab, Qt.NoModifier), (Qt.Key_Backtab, Qt.ShiftModifier)):
        _focus(qtbot, table)
        table.setCurrentCell(0, 0)
        qtbot.keyClick(table, key, modifier)
        assert not table.hasFocus(), key
        assert (table.currentRow(), table.currentColumn()) == (0, 0)
    _focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key_Down)
    assert table.hasFocus() and table.currentRow() == 1


def test_tab_leaves_the_comparison_table_for_its_buttons(qtbot):
    from petloc_gui.ui.training.model_comparison import ModelComparison

    host = QWidget()  # as in the Retraining window: a widget before the table takes Shift+Tab
    qtbot.addWidget(host)
    before = QPushButton("before", host)
    comparison = ModelComparison(host)
    layout = QVBoxLayout(host)
    layout.addWidget(before)
    layout.addWidget(comparison)
    comparison.set_metrics({"accuracy": 0.8}, {"accuracy": 0.9})
    _activate(qtbot, host)
    _tab_leaves(qtbot, comparison.table)
    _focus(qtbot, comparison.table)
    qtbot.keyClick(comparison.table, Qt.Key_Tab)
    assert QApplication.focusWidget() in (comparison.discard_button, comparison.use_button)


def test_tab_leaves_the_help_table(qtbot, window):
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog(window)
    qtbot.addWidget(dialog)
    _tab_leaves(qtbot, dialog.table)
