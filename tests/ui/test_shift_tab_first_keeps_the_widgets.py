"""Shift+Tab as the first key in a window leaves every widget it walks past usable (`tab_chain.kept`).

Walking the focus chain backwards reaches a scroll bar before the container Qt made for it; the container's Python
wrapper, made for the walk and held by no one, took the scroll bar's with it when freed (PySide marks a freed
wrapper's children deleted): Shift+Tab from the image in a new window stopped with "Internal C++ object
(QToolButton) already deleted", and PySide 6.11 crashed printing it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from petloc_gui.ui.tab_chain import next_tab_stop

from .conftest import open_and_wait


def test_shift_tab_over_a_list_from_the_field_after_it_reaches_the_list(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    listed, field = QListView(), QLineEdit()
    layout.addWidget(listed)
    layout.addWidget(field)
    window.show()
    qtbot.waitExposed(window)
    field.setFocus()
    stop = next_tab_stop(window, False)  # past its scroll bars, walked to before their containers
    assert stop is not None and (stop is listed or listed.isAncestorOf(stop))  # (its viewport)
    assert shiboken6.isValid(listed.verticalScrollBar()) and shiboken6.isValid(listed.horizontalScrollBar())


def test_shift_tab_from_the_image_goes_round_the_new_window(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.panel.gt_pane.setFocus()
    stops: list = []
    for _ in range(60):  # more than the window has: round to where it began
        stop = next_tab_stop(window, False)
        assert stop is not None
        if stop in stops:
            break
        stop.setFocus(Qt.FocusReason.BacktabFocusReason)
        stops.append(stop)
    assert stop is stops[0], [type(stop).__name__ for stop in stops]
    assert all(shiboken6.isValid(stop) for stop in stops)
    assert any(window.file_dock.isAncestorOf(stop) for stop in stops)  # the walk went through the Images list
