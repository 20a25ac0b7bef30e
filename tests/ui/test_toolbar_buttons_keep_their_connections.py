"""Every change of a toolbar action (Undo's text on each edit, Verified's check on each image, an enabled
state) added one receiver to the action's changed() with Qt 6.11.3, never released: the QToolButton the
toolbar makes for it re-set its default action on each change, connecting again. A day of review left
thousands of receivers on Undo, each change slower than the last. The buttons now keep the receivers
they started with, and show their actions' state as before (`ui.toolbar_buttons`)."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolButton

from petloc_gui.ui.toolbar_buttons import ActionToolBar

from .conftest import open_and_wait

CHANGES = 2_000


def _receivers(action: QAction) -> int:
    return action.receivers(SIGNAL("changed()"))


def _change_each_way(action: QAction, times: int = CHANGES) -> None:
    """Its text, tip, enabled and (checkable) checked state, each changed ``times`` times (its text, enabled and
    checked state then as they were; its tip the last one set)."""
    text, enabled, checked = action.text(), action.isEnabled(), action.isChecked()
    for i in range(times):
        action.setText(f"{text} {i}")
        action.setToolTip(f"{text} tip {i}")
        action.setEnabled(i % 2 == 1)
        if action.isCheckable():
            blocked = action.blockSignals(True)  # its toggled() slots (draw mode, overlay) are not what is tested
            action.setChecked(i % 2 == 0)  # (the button still hears of it: Qt's change event, not the signal)
            action.blockSignals(blocked)
    action.setText(text)
    action.setEnabled(enabled)
    blocked = action.blockSignals(True)
    action.setChecked(checked)
    action.blockSignals(blocked)


def test_changes_of_an_action_add_no_receiver_and_its_button_shows_them(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    undo = QAction("&Undo", window)
    undo.setIconText("Undo")  # the button's short fixed text, as the window's Undo
    check = QAction("Mark &verified", window)
    check.setCheckable(True)
    bar = ActionToolBar("Tools", window, "tools", [undo, check])
    window.addToolBar(bar)
    window.show()
    start = {action: _receivers(action) for action in (undo, check)}

    for action in (undo, check):
        _change_each_way(action)
    undo.setToolTip("")  # its tip from its text again, as the window's Undo has it
    undo.setText("&Undo Move box")
    check.setChecked(True)
    check.setEnabled(False)

    assert {action: _receivers(action) for action in (undo, check)} == start
    undo_button, check_button = bar.widgetForAction(undo), bar.widgetForAction(check)
    assert isinstance(undo_button, QToolButton) and undo_button.defaultAction() is undo
    assert undo_button.text() == "Undo"  # short and fixed
    assert undo_button.toolTip() == "Undo Move box"  # the changing undo text, in its tip
    assert check_button.isCheckable() and check_button.isChecked() and not check_button.isEnabled()
    assert check_button.text() == "Mark verified"  # (no icon text of its own: Qt's, from the text)

    check.setEnabled(True)
    triggered = []
    undo.triggered.connect(lambda: triggered.append("undo"))
    undo_button.click()
    check_button.click()
    assert triggered == ["undo"]
    assert not check.isChecked() and not check_button.isChecked()  # the click unchecked the action
    assert {action: _receivers(action) for action in (undo, check)} == start

    window.resize(60, 200)  # too narrow for both: a button folds behind the toolbar's » button, Qt's own
    qtbot.waitUntil(lambda: bar.findChild(QToolButton, "qt_toolbar_ext_button").isVisible())
    assert not check_button.isVisible()


def test_the_window_toolbar_keeps_its_receivers_over_edits_and_changes(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    tools = window.findChild(ActionToolBar, "tools")
    toolbar_actions = [action for action in tools.actions() if isinstance(tools.widgetForAction(action), QToolButton)]
    assert window.act["undo"] in toolbar_actions and window.act["verify"] in toolbar_actions
    start = {action.iconText(): _receivers(action) for action in toolbar_actions}

    rows = window.session.model.rowCount()
    for step in range(3 * rows):  # images stepped through with edits: Undo's text and Verified's check change
        window.show_row(step % rows)
        window.accept_prediction()
        window.act["verify"].trigger()
        qtbot.wait(1)
    assert window.act["undo"].text() != "&Undo"  # it names the last edit
    for action in toolbar_actions:
        _change_each_way(action)

    assert {action.iconText(): _receivers(action) for action in toolbar_actions} == start
    undo_button = tools.widgetForAction(window.act["undo"])
    assert undo_button.text() == "Undo" and undo_button.toolTip() == window.act["undo"].toolTip()
    verify_button = tools.widgetForAction(window.act["verify"])
    window.act["verify"].trigger()
    assert verify_button.isChecked() == window.act["verify"].isChecked() == window.edits.doc.verified
