"""Where the keyboard lands in a dock brought forward (`dock_toggle.first_tab_stop`) is where Tab would land there
(`tab_chain.takes_tab`, the main window's Tab rule): it had its own weaker test (the widget's own policy, enabled,
shown), which took a compound widget whose focus proxy cannot take the keyboard, and on macOS without full keyboard
access a control Tab passes over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from petloc_gui.ui import dock_toggle
from petloc_gui.ui.dock_toggle import first_tab_stop


def _dock(qtbot, *widgets: QWidget) -> tuple[QMainWindow, QDockWidget]:
    """A shown window with a dock of ``widgets`` (the window returned too: qtbot holds it weakly)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    body = QWidget()
    rows = QVBoxLayout(body)
    for widget in widgets:
        rows.addWidget(widget)
    dock = QDockWidget("Dataset", window)
    dock.setWidget(body)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    qtbot.waitExposed(window)
    return window, dock


def test_a_compound_widget_whose_proxy_takes_no_keyboard_is_passed_over(qtbot):
    compound, inner, field = QWidget(), QLineEdit(), QLineEdit()
    compound.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    QVBoxLayout(compound).addWidget(inner)
    compound.setFocusProxy(inner)
    inner.setEnabled(False)  # the part that takes the keys: none can go in
    _window, dock = _dock(qtbot, compound, field)
    assert first_tab_stop(dock) is field


def test_a_compound_widget_is_its_own_first_stop(qtbot):
    compound, inner, field = QWidget(), QLineEdit(), QLineEdit()
    compound.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    QVBoxLayout(compound).addWidget(inner)
    compound.setFocusProxy(inner)
    _window, dock = _dock(qtbot, compound, field)
    assert first_tab_stop(dock) is compound  # (its focus goes to its proxy, as Tab's does)


def test_where_tab_takes_only_strong_focus_a_tab_focus_control_is_passed_over(qtbot, monkeypatch):
    # macOS without full keyboard access: Tab reaches text fields and lists only (`tab_chain.tab_policy`)
    button, field = QWidget(), QLineEdit()
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    _window, dock = _dock(qtbot, button, field)
    assert first_tab_stop(dock) is button
    monkeypatch.setattr(dock_toggle, "tab_policy", lambda: Qt.FocusPolicy.StrongFocus.value)
    assert first_tab_stop(dock) is field
