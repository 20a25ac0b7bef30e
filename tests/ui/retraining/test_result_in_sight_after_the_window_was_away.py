"""A run that finished while the Retraining window was put away (Escape back to the photos): Model → Show
training progress gives "Use the new model" the keyboard, and it is in sight.

Before (a keyboard hunt under Xvfb): the column was scrolled to the top, Use below the view (y 1970 in a 462 px
view, scroll 0 of 1530), a disabled Cancel training and Close the only buttons in sight; an Enter used the new
model unseen. The window, hidden when the result came, had not laid it out: the place brought into sight was
stale, and the window had not grown for the result either.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLineEdit

from petloc_gui.ui.training.retrain_progress import RetrainProgress

from ..test_retrain_curves_stay_readable_under_the_result import FIGURES, NOTE

TALL_NOTE = " ".join([NOTE] * 4)  # a result taller than the window's room: the column scrolls


def _shown(progress, widget) -> QRect:
    """``widget``'s place in the scrolled column's view."""
    return QRect(widget.mapTo(progress.body.viewport(), widget.rect().topLeft()), widget.size())


def _finished_while_away(qtbot, note: str) -> RetrainProgress:
    """A window shown for a run, put away (Escape), the run's result come while it was hidden."""
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    progress.close()  # Escape: the user goes back to the photos
    elsewhere.show()
    qtbot.waitExposed(elsewhere)
    elsewhere.activateWindow()
    elsewhere.setFocus()
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), note, old_name="digits")
    qtbot.wait(100)
    assert not progress.isVisible()
    return progress


def test_use_is_in_sight_when_the_window_is_brought_forward(qtbot):
    progress = _finished_while_away(qtbot, TALL_NOTE)
    progress.bring_forward()  # Model → Show training progress
    qtbot.waitExposed(progress)
    use = progress.comparison.use_button
    bar = progress.body.verticalScrollBar()
    # the result laid out: the column scrolls (the hunt's case)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is use and bar.maximum() > 0, timeout=2000)
    qtbot.wait(200)  # (and whatever the window does once shown)
    assert progress.body.viewport().rect().contains(_shown(progress, use)), (
        f"Use has the keyboard out of sight: at {_shown(progress, use)}, scrolled {bar.value()} of {bar.maximum()}")
    assert QApplication.focusWidget() is use
    discard = progress.comparison.discard_button
    assert progress.body.viewport().rect().contains(_shown(progress, discard))


def test_the_window_grows_for_the_result_when_shown_again(qtbot):
    """Shown, the window grows by the result's height where the screen has room, as it does for a result that
    comes while it is shown; hidden, it could not, and never did."""
    progress = _finished_while_away(qtbot, NOTE)
    height = progress.height()
    progress.bring_forward()
    qtbot.waitExposed(progress)
    room = progress.placement.room(progress.screen().availableGeometry())
    assert room.height() > height + 100  # (room to grow: the case here)
    qtbot.waitUntil(lambda: progress.height() > height, timeout=2000)
