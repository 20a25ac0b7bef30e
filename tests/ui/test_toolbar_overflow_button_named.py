"""In a window too narrow for the Tools toolbar's buttons Qt shows its » button (``qt_toolbar_ext_button``), which
opens the buttons that do not fit: it had neither a name nor a tooltip, so a screen reader said an unnamed check
box and the pointer resting on it said nothing. It is "More tools" to both (`toolbar_buttons.ActionToolBar`), on
the Label box's toolbar too."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QToolBar, QToolButton


def _overflow(bar: QToolBar) -> QToolButton:
    button = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert button is not None, "Qt's own name for the button: looked up by it"
    return button


def _said(button: QToolButton) -> str:
    interface = QAccessible.queryAccessibleInterface(button)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_the_tools_overflow_button_is_named_in_a_narrow_window(qtbot, window):
    tools = window.findChild(QToolBar, "tools")
    window.resize(520, window.height())  # a tiled half of a small screen: the buttons do not fit
    qtbot.waitUntil(lambda: _overflow(tools).isVisible(), timeout=5000)
    button = _overflow(tools)
    assert _said(button) == "More tools"
    assert button.toolTip().startswith("More tools: ")


def test_the_label_bars_too(qtbot, window):
    label_bar = window.findChild(QToolBar, "label")
    assert _said(_overflow(label_bar)) == "More tools" and _overflow(label_bar).toolTip().startswith("More tools: ")
