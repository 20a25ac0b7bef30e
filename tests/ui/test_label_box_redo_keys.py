"""The window's two Redo keys in the Label box, with a label typed there and not applied: Ctrl+Shift+Z did nothing
(the line edit took it as a text field's Redo, with no history to redo) while Ctrl+Y, no text field key under X11,
was the window's Redo, which relabelled the box under the typing and dropped it ("Typed label 'xyz' not applied").
Now both are a text field's Redo, as Ctrl+Z is its Undo (test_label_box_ctrl_z): over typing there is nothing to
redo, and the typing stays; right after Ctrl+Z took the typing back, they bring it back; with nothing typed, they are
the window's Redo.

Offscreen Qt binds Ctrl+Y to a text field's Redo too (Windows' keys): the X11 case, where the line edit leaves Ctrl+Y
to the window, runs on an X server of its own (`test_..._under_x11`, where Xvfb is installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from .test_label_box_typing_left import _label, _shown_with_a_dog, _type

REDO_KEYS = {"Ctrl+Shift+Z": (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
             "Ctrl+Y": (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)}
X11_VARIABLE = "PETLOC_TEST_REDO_KEYS_X11"


def _with_a_redo(qtbot, window, folder) -> None:
    """a.png's box relabelled cat -> dog and saved, then undone: cat, and the window has a Redo (to dog)."""
    _shown_with_a_dog(qtbot, window, folder)
    window.act["undo"].trigger()
    assert _label(window) == "cat" and window.act["redo"].isEnabled()


@pytest.mark.parametrize("key", REDO_KEYS)
def test_a_redo_key_over_typing_keeps_it(qtbot, window, folder, key):
    _with_a_redo(qtbot, window, folder)
    typing_in = _type(qtbot, window, "xyz")
    qtbot.keyClick(typing_in, *REDO_KEYS[key])
    assert _label(window) == "cat"  # not the window's Redo
    assert window.label_combo.currentText() == "xyz" and QApplication.focusWidget() is typing_in
    assert "not applied" not in window.statusBar().currentMessage()
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)  # Enter still applies it
    assert _label(window) == "xyz"


@pytest.mark.parametrize("key", REDO_KEYS)
def test_a_redo_key_after_ctrl_z_brings_the_typing_back(qtbot, window, folder, key):
    _with_a_redo(qtbot, window, folder)
    typing_in = _type(qtbot, window, "xyz")
    qtbot.keyClick(typing_in, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.label_combo.currentText() == "cat"  # taken back (test_label_box_ctrl_z)
    qtbot.keyClick(typing_in, *REDO_KEYS[key])
    assert window.label_combo.currentText() == "xyz" and _label(window) == "cat"  # the typing, not the window's
    qtbot.keyClick(typing_in, *REDO_KEYS[key])
    assert window.label_combo.currentText() == "xyz" and _label(window) == "cat"  # nothing more to redo over it
    qtbot.keyClick(typing_in, Qt.Key.Key_Return)
    assert _label(window) == "xyz"


@pytest.mark.parametrize("key", REDO_KEYS)
def test_a_redo_key_with_nothing_typed_is_the_windows_redo(qtbot, window, folder, key):
    _with_a_redo(qtbot, window, folder)
    qtbot.mouseClick(window.label_combo.lineEdit(), Qt.MouseButton.LeftButton)
    typing_in = QApplication.focusWidget()
    qtbot.keyClick(typing_in, *REDO_KEYS[key])
    assert _label(window) == "dog" and window.label_combo.currentText() == "dog"


@pytest.mark.skipif(X11_VARIABLE not in os.environ, reason="run by the test below, on an X server of its own")
def test_ctrl_y_over_typing_under_x11(qtbot, window, folder):
    assert QApplication.platformName() == "xcb"
    test_a_redo_key_over_typing_keeps_it(qtbot, window, folder, "Ctrl+Y")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no Xvfb: the X11 keys are not run")
def test_ctrl_y_over_typing_is_no_window_redo_under_x11(tmp_path):
    inner = test_ctrl_y_over_typing_under_x11.__name__
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{X11_VARIABLE: "1"})
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(["xvfb-run", "-a", sys.executable, "-m", "pytest", f"{__file__}::{inner}", "-q", "-p",
                           "no:cacheprovider"], capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]


def test_a_redo_key_after_ctrl_z_and_leaving_the_box_is_the_windows_redo(qtbot, window, folder):
    """Left for good (Tab, a click elsewhere), the box forgets what Ctrl+Z took back, as it drops typing left so."""
    _with_a_redo(qtbot, window, folder)
    typing_in = _type(qtbot, window, "xyz")
    qtbot.keyClick(typing_in, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(window.label_combo, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    QApplication.sendEvent(window.label_combo, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    qtbot.keyClick(typing_in, *REDO_KEYS["Ctrl+Shift+Z"])
    assert window.label_combo.currentText() == "dog" and _label(window) == "dog"
