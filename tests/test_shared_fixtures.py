"""The fixtures several test files share live once, in tests/conftest.py. Five files had each their own
`realpath_keeps_the_spelling`, two of which took no ``strict`` (a `Path.resolve` under them was a TypeError,
not macOS' answer); two had each a `system_locale`, two an `as_on_x11`; two an autouse `_no_store` setting
XDG_DATA_HOME, which the suite's own `_isolated_user_data` already made needless (PETLOC_DATA_DIR wins)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_realpath_keeps_the_spelling_as_typed_for_realpath_and_resolve(tmp_path, realpath_keeps_the_spelling):
    (tmp_path / "pets").mkdir()
    (tmp_path / "PETS").symlink_to(tmp_path / "pets")  # another spelling, as a case-blind disk holds it
    assert os.path.realpath(tmp_path / "PETS") == str(tmp_path / "PETS")
    assert (tmp_path / "PETS").resolve() == tmp_path / "PETS"
    assert (tmp_path / "PETS").resolve(strict=True) == tmp_path / "PETS"
    with pytest.raises(OSError):  # as realpath(strict=True) refuses a path that is not there
        (tmp_path / "gone").resolve(strict=True)


@pytest.mark.parametrize("system_locale", ["de_DE"], indirect=True)
def test_system_locale_is_qts_default_for_the_test(system_locale):
    from PySide6.QtCore import QLocale

    assert system_locale == "de_DE" and QLocale().name() == "de_DE"


def test_as_on_x11_says_the_platform_is_xcb(as_on_x11):
    from petloc_gui.ui import window_geometry

    assert window_geometry.platform_name() == "xcb"


def test_the_model_store_is_the_tests_own_whatever_xdg_data_home_says(monkeypatch, _isolated_user_data):
    from petloc_gui.core.paths import user_data_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(Path.home() / ".local" / "share"))
    assert user_data_dir() == _isolated_user_data


def _a_shown_line_edit(qtbot):
    from PySide6.QtWidgets import QLineEdit

    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    return line


def test_a_click_with_shift_leaves_shift_held_in_qts_eyes(qtbot):
    """Qt's own behaviour, which `_no_key_or_button_left_held` is for: QTest's click with Shift ends with the
    Shift's release, and that release carries Shift. The next test, in this file's order, finds it let go."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    qtbot.keyClick(_a_shown_line_edit(qtbot), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.ShiftModifier


def test_a_test_after_one_that_left_shift_finds_no_modifier_and_selects_a_row(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QStandardItemModel
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStandardItemModel(2, 2))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.selectRow(1)  # with Shift held: an extension from no anchor, which selected nothing
    assert view.selectionModel().isRowSelected(1)


def test_let_go_of_held_input_says_what_was_held_and_clears_it(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from tests.conftest import let_go_of_held_input

    line = _a_shown_line_edit(qtbot)
    qtbot.mousePress(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier)  # never released
    assert let_go_of_held_input() == (Qt.KeyboardModifier.ShiftModifier, Qt.MouseButton.LeftButton)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    assert QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
    assert let_go_of_held_input() == (Qt.KeyboardModifier.NoModifier, Qt.MouseButton.NoButton)
