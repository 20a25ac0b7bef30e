"""Floating the Images list (its float button, or a double click on its title) took the keyboard away from it:
the button put it on the Ground truth pane (the next Down nudged a box behind the floated list), the double
click in the Label box (Up relabelled the box); docking it again (the same button, or a double click on the
floating list's title) did the same. The list that had the keyboard keeps it, in its window; where
the keyboard was elsewhere (on the image) floating the list leaves it there."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication

from petloc_gui.core.boxes import Box

from .conftest import open_and_wait

C_BOX = Box(20, 20, 60, 60)  # c.png's box
X11_VARIABLE = "PETLOC_TEST_FLOATED_LIST_X11"
under_x11 = pytest.mark.skipif(X11_VARIABLE not in os.environ, reason="run by the last test, on an X server of its own")


def _table_has_the_keyboard(qtbot, window, folder):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    open_and_wait(qtbot, window, folder)
    window.show_row(2)
    window.edits.select(0)
    table = window.file_dock.view
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    return table, window.session.store.document(2)


def _float_by_its_button(qtbot, dock):
    button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dock.isFloating, timeout=5000)


def _float_by_its_title(qtbot, window, dock):
    title = dock.mapTo(window, QPoint(20, 6))
    QTest.mouseDClick(window.windowHandle(), Qt.LeftButton, Qt.NoModifier, title)
    qtbot.waitUntil(dock.isFloating, timeout=5000)


def _dock_by_its_button(qtbot, dock):
    button = dock.findChild(QAbstractButton, "qt_dockwidget_floatbutton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)


def _dock_by_its_title(qtbot, dock):
    QTest.mouseDClick(dock.windowHandle(), Qt.LeftButton, Qt.NoModifier, QPoint(20, 6))  # Qt draws it under xcb
    qtbot.waitUntil(lambda: not dock.isFloating(), timeout=5000)


def _down_walks_the_list(qtbot, window, table, doc, active=None):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is (active or window.file_dock), timeout=2000)
    row = table.currentIndex().row()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Down)
    assert table.currentIndex().row() == row + 1
    assert doc.objects[0].box == C_BOX and not doc.dirty


@under_x11
def test_the_float_button_leaves_the_keyboard_in_the_list(qtbot, window, folder):
    table, doc = _table_has_the_keyboard(qtbot, window, folder)
    _float_by_its_button(qtbot, window.file_dock)
    _down_walks_the_list(qtbot, window, table, doc)


@under_x11
def test_a_double_click_on_its_title_leaves_the_keyboard_in_the_list(qtbot, window, folder):
    table, doc = _table_has_the_keyboard(qtbot, window, folder)
    _float_by_its_title(qtbot, window, window.file_dock)
    _down_walks_the_list(qtbot, window, table, doc)


@under_x11
def test_docking_it_again_by_its_button_leaves_the_keyboard_in_the_list(qtbot, window, folder):
    table, doc = _table_has_the_keyboard(qtbot, window, folder)
    _float_by_its_button(qtbot, window.file_dock)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    _dock_by_its_button(qtbot, window.file_dock)
    qtbot.wait(100)  # Qt hands the keyboard to the main window's pane as the list's window goes
    _down_walks_the_list(qtbot, window, table, doc, active=window)


@under_x11
def test_docking_it_again_by_a_double_click_on_its_title_leaves_the_keyboard_in_the_list(qtbot, window, folder):
    table, doc = _table_has_the_keyboard(qtbot, window, folder)
    _float_by_its_button(qtbot, window.file_dock)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=2000)
    _dock_by_its_title(qtbot, window.file_dock)
    qtbot.wait(100)
    _down_walks_the_list(qtbot, window, table, doc, active=window)


@under_x11
def test_the_keyboard_on_the_image_stays_there(qtbot, window, folder):
    _table_has_the_keyboard(qtbot, window, folder)
    window.focus_canvas()
    qtbot.waitUntil(window.panel.gt_pane.hasFocus, timeout=2000)
    _float_by_its_button(qtbot, window.file_dock)
    qtbot.wait(100)
    assert QApplication.focusWidget() is window.panel.gt_pane and QApplication.activeWindow() is window


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no Xvfb: the X11 floating is not run")
def test_floating_the_list_under_x11(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{X11_VARIABLE: "1"})
    env.pop("DISPLAY", None)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(["xvfb-run", "-a", sys.executable, "-m", "pytest", __file__, "-q", "-p", "no:cacheprovider",
                           "-k", "not under_x11"], capture_output=True, text=True, cwd=root, env=env, timeout=300)
    said = done.stdout[-3000:] + done.stderr[-2000:]
    assert done.returncode == 0 and "5 passed" in done.stdout.splitlines()[-1], said
