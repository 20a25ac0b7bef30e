"""A click in the Retraining window's scrolled column is not lost to a scroll the click itself caused.

Before (a hunt at 1.5x, openbox): the window came up without the keyboard (`show_quietly`); the user wheeled the
column down to Use / Discard and clicked "Discard it". The click activated the window first; its keyboard went to
the log, the column scrolled up to the log (every focus change was followed into view), and the press landed
elsewhere: nothing was discarded. Now only the keyboard's own moves (Tab, Backtab, a shortcut) are followed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from petloc_gui.ui.training import discard_question
from petloc_gui.ui.training.retrain_progress import RetrainProgress

from .test_retrain_curves_stay_readable_under_the_result import FIGURES
from .test_retraining_focus_in_sight import TALL_NOTE, _in_sight, _whole_in_sight


def _finished_quietly(qtbot):
    """A finished run's window shown without the keyboard, its column wheeled down to its end."""
    other = QLineEdit()  # the main window's stand-in, where the user works
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)  # short: the column scrolls under the result (as at 1.5x)
    progress.begin(5)
    progress.show_quietly()
    qtbot.waitExposed(progress)
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), TALL_NOTE, old_name="digits")
    qtbot.waitUntil(progress.comparison.isVisible, timeout=2000)
    qtbot.wait(100)  # laid out, scrolled to the result (`ScrolledParts.show_result`)
    # the offscreen platform activates a window on its show (a window manager does not): back to the other
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other, timeout=5000)
    focused = progress.focusWidget()
    if focused is not None:
        focused.clearFocus()  # as never activated: no control of its own to give the keyboard back to
    assert progress.focusWidget() is None
    bar = progress.body.verticalScrollBar()
    assert bar.maximum() > 0  # a column that scrolls, or the test shows nothing
    bar.setValue(bar.maximum())  # the wheel
    assert not _in_sight(progress, progress.log)
    return progress


def _activated(qtbot, progress) -> None:
    """The window activated (by a click on it): the keyboard goes to its first control, the log."""
    progress.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is progress, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    assert QApplication.focusWidget() is progress.log  # as on the hunt's screen
    qtbot.wait(50)


def test_the_keyboard_given_by_an_activation_does_not_scroll(qtbot):
    progress = _finished_quietly(qtbot)
    bar = progress.body.verticalScrollBar()
    _activated(qtbot, progress)
    assert bar.value() == bar.maximum()
    # nor a FocusIn of a click (the press gives its control the keyboard)
    QApplication.sendEvent(progress.log, QFocusEvent(QFocusEvent.Type.FocusIn, Qt.FocusReason.MouseFocusReason))
    assert bar.value() == bar.maximum()


def test_the_keyboard_moved_by_tab_is_followed_into_view(qtbot):
    progress = _finished_quietly(qtbot)
    _activated(qtbot, progress)
    progress.close_button.setFocus(Qt.FocusReason.MouseFocusReason)
    assert not _in_sight(progress, progress.log)
    qtbot.keyClick(progress.close_button, Qt.Key_Tab)
    assert QApplication.focusWidget() is progress.log
    assert _whole_in_sight(progress, progress.log)
    # and Backtab, from the control after the log, back to it
    qtbot.keyClick(progress.log, Qt.Key_Tab)
    assert QApplication.focusWidget() is not progress.log
    bar = progress.body.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not _in_sight(progress, progress.log)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is progress.log
    assert _whole_in_sight(progress, progress.log)


def test_a_click_on_discard_in_the_window_without_the_keyboard_discards(qtbot, monkeypatch):
    progress = _finished_quietly(qtbot)
    # "Discard the new model?" answered Discard (tests/ui/retraining/test_discard_asks_first.py asks it)
    monkeypatch.setattr(discard_question, "confirm_discard", lambda window: True)
    discard = progress.comparison.discard_button
    assert _whole_in_sight(progress, discard)
    spot = discard.mapToGlobal(discard.rect().center())  # where the pointer is, over Discard
    _activated(qtbot, progress)  # the click activates the window first
    # then the press and release, on whatever is under the pointer now
    target = progress.childAt(progress.mapFromGlobal(spot))
    assert target is discard, target
    with qtbot.waitSignal(progress.comparison.discard_new, timeout=1000):
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFromGlobal(spot))
    assert QApplication.focusWidget() is discard  # the click's target has the keyboard


def test_show_training_progress_brings_the_choice_it_gives_the_keyboard_into_sight(qtbot):
    progress = _finished_quietly(qtbot)
    progress.body.verticalScrollBar().setValue(0)  # the curves read, the result below the view
    use = progress.comparison.use_button
    assert not _in_sight(progress, use)
    progress.bring_forward()  # Model → Show training progress: the keyboard on Use, by an activation
    qtbot.waitUntil(lambda: QApplication.focusWidget() is use, timeout=5000)
    assert _whole_in_sight(progress, use)


def test_a_control_put_in_the_column_later_is_followed_too(qtbot):
    progress = _finished_quietly(qtbot)
    late = QLineEdit(progress.comparison)  # made after the column was watched
    late.move(0, progress.comparison.height() - late.height())
    late.show()
    progress.body.verticalScrollBar().setValue(0)
    assert not _in_sight(progress, late)
    _activated(qtbot, progress)
    progress.close_button.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(progress.close_button, Qt.Key_Tab)  # the last made: next in the chain after Close
    assert QApplication.focusWidget() is late
    assert _whole_in_sight(progress, late)
