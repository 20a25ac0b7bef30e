"""The Retrain dialog's numbers read and write "0.35" (ASCII digits, a ".") whatever the default locale: under
de_DE a typed "0.35" read as 35, the field showed "0" and the run got 0.2; under ar_EG the field showed 0.20 in
Arabic-Indic digits and refused both "0.3" and "0,3". A "," is taken as the decimal point too; a value out of
range is refused where it is typed, and Return does not start the run with the value the field would put back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from petloc_gui.ui.training.retrain_dialog import RetrainDialog

# each test in the locales named (`tests/conftest.py`'s system_locale)
pytestmark = pytest.mark.parametrize("system_locale", ["de_DE", "ar_EG"], indirect=True)


def _dialog(qtbot) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="digits", data_name="/data", n_annotated=40, has_unsaved=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _typed(qtbot, field, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), text)
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)


def test_the_numbers_are_shown_with_ascii_digits_and_a_point(qtbot, system_locale):
    assert QLocale().toString(0.2, "f", 2) != "0.20"  # the test's locale writes it otherwise
    dialog = _dialog(qtbot)
    assert dialog.val_fraction.text() == "0.20"
    assert dialog.epochs.text() == str(dialog.options().epochs)


@pytest.mark.parametrize("typed", ["0.35", "0,35"])
def test_a_typed_fraction_is_the_runs(qtbot, system_locale, typed):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.val_fraction, typed)
    assert dialog.val_fraction.value() == pytest.approx(0.35)
    assert dialog.val_fraction.text() == "0.35"
    assert dialog.options().val_fraction == 0.35


def test_typed_epochs_are_the_runs(qtbot, system_locale):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.epochs, "120")
    assert dialog.options().epochs == 120


def test_a_fraction_out_of_range_is_refused_where_typed(qtbot, system_locale):
    dialog = _dialog(qtbot)
    _typed(qtbot, dialog.val_fraction, "0.01")  # under the least
    assert dialog.isVisible() and dialog.result() == 0  # Return did not start the run
    assert dialog.val_fraction.text() == "0.01"  # kept as typed, not put back unsaid
    assert "0.01 is not a number from 0.05 to 0.50" in dialog.val_fraction.toolTip()
    _typed(qtbot, dialog.val_fraction, "0.4")
    assert dialog.options().val_fraction == 0.4
