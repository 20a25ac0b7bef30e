"""The Retrain dialog's refusal popped a tooltip just under Epochs, over the Validation fraction field: "600" typed
in Epochs, Tab, Return (refused) put "600 is not a number from 1 to 500" over the fraction field; a click meant for
that field landed on the tooltip (which only hid), the keyboard stayed in Epochs, and the "0.9" typed next made
Epochs "09", taken, so Start ran 9 epochs at fraction 0.20, unsaid. The note line under the fields says the
refusal: nothing pops over another field, and a click on the other field reaches it (the field's own tooltip
still says the refusal on hover)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolTip

from ..test_number_field_refusal_stands import EPOCHS_REFUSED, _active, _typed_then_tab
from ..test_retrain_numbers_whatever_the_locale import _dialog


def _clicked_where_the_pointer_is(qtbot, global_point: QPoint) -> None:
    """A click at ``global_point`` given to the widget there, as the window system does (a window over the field
    takes it)."""
    under = QApplication.widgetAt(global_point)
    assert under is not None
    qtbot.mouseClick(under, Qt.MouseButton.LeftButton, pos=under.mapFromGlobal(global_point))


def test_a_refusal_pops_nothing_over_the_next_field_and_a_click_reaches_it(qtbot):
    dialog = _active(qtbot, _dialog(qtbot))
    _typed_then_tab(qtbot, dialog.epochs, "600")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # refused: the keyboard back in Epochs
    qtbot.waitUntil(dialog.epochs.hasFocus, timeout=3000)
    assert dialog.number_refusal.isVisible() and dialog.number_refusal.text() == EPOCHS_REFUSED
    assert dialog.epochs.toolTip() == EPOCHS_REFUSED  # said on hover, as a field's tooltip is
    assert not QToolTip.isVisible()
    fraction = dialog.val_fraction
    # where the pop-up sat: over the fraction field's left part, under Epochs
    _clicked_where_the_pointer_is(qtbot, fraction.mapToGlobal(QPoint(12, fraction.height() - 4)))
    qtbot.waitUntil(fraction.hasFocus, timeout=3000)
    fraction.lineEdit().selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), "0.3")
    assert dialog.epochs.text() == "60" and fraction.text() == "0.3"  # not Epochs "03"
