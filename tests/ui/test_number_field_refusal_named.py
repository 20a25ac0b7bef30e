"""The Retrain dialog's number fields named the wrong text when they refused Return, and kept saying it: Qt drops
a keystroke its validator refuses, so "0.9" typed into the 0.05-0.50 field read "0." and the refusal said "0. is
not a number from 0.05 to 0.50"; after a valid "0.3" and Return its tooltip still said so. The refusal names what
was typed, and goes once the field holds a value it can take (the tooltip it had before back)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .test_retrain_numbers_whatever_the_locale import _dialog, _typed

# each test in the locales named (`tests/conftest.py`'s system_locale)
pytestmark = pytest.mark.parametrize("system_locale", ["de_DE", "en_US"], indirect=True)


@pytest.mark.parametrize("typed", ["0.9", "0,9"])  # (a "," shows as the "." it is taken for)
def test_the_refusal_names_what_was_typed(qtbot, system_locale, typed):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.val_fraction, typed)
    assert dialog.val_fraction.text() == "0."  # Qt dropped the "9": else the test says nothing
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.val_fraction.toolTip() == "0.9 is not a number from 0.05 to 0.50"


def test_the_text_left_is_named_once_it_is_typed_on(qtbot, system_locale):
    dialog = _dialog(qtbot)
    field = dialog.val_fraction
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "0.9")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Backspace)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert field.toolTip() == "0 is not a number from 0.05 to 0.50"


def test_epochs_name_what_was_typed(qtbot, system_locale):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.epochs, "0")
    assert dialog.epochs.toolTip() == "0 is not a number from 1 to 500"


def test_the_refusal_goes_once_a_value_is_taken(qtbot, system_locale):
    dialog = _dialog(qtbot)
    field = dialog.val_fraction
    field.setToolTip("The share of images held out")
    _typed(qtbot, field, "0.9")
    assert "is not a number" in field.toolTip()
    _typed(qtbot, field, "0.3")
    assert field.value() == pytest.approx(0.3)
    assert field.toolTip() == "The share of images held out"


@pytest.mark.parametrize(("field_name", "typed", "left", "said"),
                         [("epochs", "600", "60", "600 is not a number from 1 to 500"),
                          ("val_fraction", "0.55", "0.5", "0.55 is not a number from 0.05 to 0.50")])
def test_a_number_typed_out_of_range_is_refused_where_qt_left_one_in_range(qtbot, system_locale, field_name, typed,
                                                                         left, said):
    """Qt dropped the keystroke that took the number out of range and Return took what it left: 600 epochs
    started a run of 60, unsaid."""
    dialog = _dialog(qtbot)
    field = getattr(dialog, field_name)
    _typed(qtbot, field, typed)
    assert field.text() == left and field.hasAcceptableInput()  # else the test says nothing
    assert dialog.isVisible() and dialog.result() == 0
    assert field.toolTip() == said


def test_a_junk_keystroke_or_a_third_decimal_is_dropped_as_before(qtbot, system_locale):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.epochs, "60x")
    assert dialog.epochs.value() == 60 and "is not a number" not in dialog.epochs.toolTip()
    _typed(qtbot, dialog.val_fraction, "0.351")
    assert dialog.val_fraction.value() == pytest.approx(0.35) and "is not a number" not in dialog.val_fraction.toolTip()
