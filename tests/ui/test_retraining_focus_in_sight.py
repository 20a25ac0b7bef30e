"""The Retraining window's control with the keyboard is in sight, in its scrolled column too.

Before (a keyboard hunt, 1.5x): a finished run gave "Use the new model" the keyboard, but the column was
scrolled to the result's top, the Use / Discard row below the view (an Enter used the new model unseen); Tab
from Close went to the training log, above the view.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from petloc_gui.ui.training.retrain_progress import RetrainProgress

from .test_retrain_curves_stay_readable_under_the_result import FIGURES, NOTE

TALL_NOTE = " ".join([NOTE] * 4)  # a result taller than the screen's room: as at 1.5x on 1366 x 768


def _shown(progress, widget) -> QRect:
    """``widget``'s place in the scrolled column's view."""
    return QRect(widget.mapTo(progress.body.viewport(), widget.rect().topLeft()), widget.size())


def _in_sight(progress, widget) -> bool:
    """Whether ``widget`` is at least partly inside the scrolled column's view."""
    return _shown(progress, widget).intersects(progress.body.viewport().rect())


def _whole_in_sight(progress, widget) -> bool:
    return progress.body.viewport().rect().contains(_shown(progress, widget))


def _finished(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)  # short: the column scrolls under the result (as at 1.5x)
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    progress.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is progress, timeout=5000)
    progress.log.setFocus(Qt.FocusReason.OtherFocusReason)
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), TALL_NOTE, old_name="digits")
    qtbot.waitUntil(progress.comparison.isVisible, timeout=2000)
    qtbot.wait(100)  # the column laid out, scrolled (`ScrolledParts.show_result`)
    assert progress.body.verticalScrollBar().maximum() > 0  # a column that scrolls, or the test shows nothing
    return progress


def test_a_finished_run_shows_the_use_button_it_gives_the_keyboard(qtbot):
    progress = _finished(qtbot)
    use = progress.comparison.use_button
    assert use.hasFocus()
    assert _whole_in_sight(progress, use) and _whole_in_sight(progress, progress.comparison.discard_button)
    assert progress.body.verticalScrollBar().value() > 0  # the result, not the curves, in view


def test_tab_from_close_brings_the_log_into_sight(qtbot):
    progress = _finished(qtbot)
    bar = progress.body.verticalScrollBar()
    bar.setValue(bar.maximum())  # the result's end read (the wheel, the scroll bar)
    assert not _in_sight(progress, progress.log)
    progress.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(progress.close_button, Qt.Key_Tab)
    assert QApplication.focusWidget() is progress.log
    assert _whole_in_sight(progress, progress.log)  # two lines high here: it fits


def test_a_shortcut_that_gives_discard_the_keyboard_brings_it_into_sight(qtbot):
    progress = _finished(qtbot)
    progress.body.verticalScrollBar().setValue(0)  # the curves read, the result below the view
    progress.log.setFocus(Qt.FocusReason.MouseFocusReason)
    discard = progress.comparison.discard_button
    assert not _in_sight(progress, discard)
    # as Qt gives it the keyboard for an Alt+D that names two controls (a unique one presses it at once)
    discard.setFocus(Qt.FocusReason.ShortcutFocusReason)
    assert QApplication.focusWidget() is discard
    assert _whole_in_sight(progress, discard)
    # a click's keyboard is not followed (the column scrolled away under the pointer)
    progress.body.verticalScrollBar().setValue(0)
    progress.log.setFocus(Qt.FocusReason.MouseFocusReason)
    discard.setFocus(Qt.FocusReason.MouseFocusReason)
    assert not _in_sight(progress, discard)


def test_a_run_finished_while_the_user_works_in_another_window_shows_the_use_button(qtbot):
    """At 1.5x on 1366 x 768 a run that ended while the user annotated in the main window left the column at the
    top of the result's explanation: Use and Discard below the view, a disabled Cancel and Close the only buttons
    in sight (the keyboard's control that was brought into sight was the main window's, not in this column)."""
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    elsewhere.show()
    qtbot.waitExposed(elsewhere)
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is elsewhere, timeout=5000)
    elsewhere.setFocus()
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), TALL_NOTE, old_name="digits")
    qtbot.waitUntil(progress.comparison.isVisible, timeout=2000)
    qtbot.wait(100)
    assert progress.body.verticalScrollBar().maximum() > 0
    assert QApplication.activeWindow() is elsewhere and QApplication.focusWidget() is elsewhere  # not taken
    use = progress.comparison.use_button
    assert not use.visibleRegion().isEmpty()
    assert _whole_in_sight(progress, use) and _whole_in_sight(progress, progress.comparison.discard_button)
