"""The Retrain dialog started a run with what its number fields had refused: "600" typed into Epochs (1 to 500)
read "60" (Qt dropped the last "0"), and Tab then Return, or a click on "Start training", trained 60 epochs,
unsaid; "0.9" typed as the validation fraction went back to 0.20 on Tab, unsaid. The refusal guarded Return in the
field only. What a field refused stays in view, marked, until it is corrected, and the dialog is not accepted by
any route while one stands: the refusal is said again and the keyboard put back in that field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from .test_retrain_numbers_whatever_the_locale import _dialog

EPOCHS_REFUSED = "600 is not a number from 1 to 500"
FRACTION_REFUSED = "0.9 is not a number from 0.05 to 0.50"


def _active(qtbot, dialog):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def _typed_then_tab(qtbot, field, text: str) -> None:
    """``text`` typed over the field's, as the keyboard sends it (to the field), then Tab to the next one."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=3000)


def _return_in_the_next_field(qtbot, dialog) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def _start_clicked(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)


def _text_colour(field):
    return field.lineEdit().palette().color(QPalette.ColorRole.Text)


@pytest.mark.parametrize("route", [_return_in_the_next_field, _start_clicked])
def test_600_epochs_then_tab_do_not_start_a_run_of_60(qtbot, route):
    dialog = _active(qtbot, _dialog(qtbot))
    _typed_then_tab(qtbot, dialog.epochs, "600")
    assert dialog.epochs.text() == "60"  # Qt dropped the "0": else the test says nothing
    route(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0  # no run of 60 epochs
    qtbot.waitUntil(dialog.epochs.hasFocus, timeout=3000)  # the keyboard back where the refusal is
    assert dialog.epochs.toolTip() == EPOCHS_REFUSED
    assert dialog.number_refusal.isVisible() and dialog.number_refusal.text() == EPOCHS_REFUSED


def test_a_refused_fraction_stays_as_typed_and_marked_after_tab(qtbot):
    dialog = _active(qtbot, _dialog(qtbot))
    field = dialog.val_fraction
    own_colour = _text_colour(field)
    _typed_then_tab(qtbot, field, "0.9")
    assert field.text() == "0."  # not the 0.20 Qt put back unsaid
    assert dialog.number_refusal.isVisible() and dialog.number_refusal.text() == FRACTION_REFUSED
    assert field.toolTip() == FRACTION_REFUSED and _text_colour(field) != own_colour
    dialog.accept()  # as the dialog's shortcut or default button would
    assert dialog.isVisible() and dialog.result() == 0
    qtbot.waitUntil(field.hasFocus, timeout=3000)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "0.3")  # corrected: the refusal goes, the field's look back
    assert not dialog.number_refusal.isVisible() and field.toolTip() == "" and _text_colour(field) == own_colour
    _start_clicked(qtbot, dialog)
    assert dialog.result() == 1 and dialog.options().val_fraction == 0.3


@pytest.mark.parametrize(("typed", "said"), [("", "An empty field is not a number from 1 to 500"),
                                             ("0", "0 is not a number from 1 to 500")])
def test_an_epochs_field_left_empty_or_under_its_range_is_kept_and_refused(qtbot, typed, said):
    dialog = _active(qtbot, _dialog(qtbot))
    if typed:
        _typed_then_tab(qtbot, dialog.epochs, typed)
    else:
        dialog.epochs.setFocus()
        qtbot.waitUntil(dialog.epochs.hasFocus, timeout=3000)
        dialog.epochs.lineEdit().selectAll()
        qtbot.keyClick(dialog.epochs, Qt.Key.Key_Delete)
        qtbot.keyClick(dialog.epochs, Qt.Key.Key_Tab)
    assert dialog.epochs.text() == typed
    _start_clicked(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.number_refusal.text() == said


def test_a_run_starts_with_what_a_field_took(qtbot):
    dialog = _active(qtbot, _dialog(qtbot))
    _typed_then_tab(qtbot, dialog.epochs, "60x")  # a junk keystroke is dropped, as before: 60 is what was meant
    assert not dialog.number_refusal.isVisible()
    _return_in_the_next_field(qtbot, dialog)
    assert dialog.result() == 1 and dialog.options().epochs == 60
