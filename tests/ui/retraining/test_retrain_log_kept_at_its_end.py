"""The Retraining window's log, followed to its end while a run went, stays at its end when the result takes
its room: shrunk for the result (at scale 1.5 to two or three lines), it kept its scroll value and showed
lines from its middle, the run's last epochs out of view (gallery check H11). Checked in a short window whose
tall result takes the log's room, and on a log made smaller alone. One the user scrolled up stays where it is."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.training.retrain_progress_parts import log_end_kept
from tests.ui.test_retrain_curves_stay_readable_under_the_result import FIGURES, NOTE


def _followed_log(qtbot) -> QPlainTextEdit:
    log = QPlainTextEdit(readOnly=True)
    qtbot.addWidget(log)
    log.resize(400, 300)
    log.show()
    qtbot.waitExposed(log)
    for line in range(60):
        log.appendPlainText(f"[petloc] line {line}")
    bar = log.verticalScrollBar()
    bar.setValue(bar.maximum())
    return log


def test_a_followed_log_made_smaller_is_put_back_at_its_end(qtbot):
    log = _followed_log(qtbot)
    bar, done = log.verticalScrollBar(), []
    again = log_end_kept(log, then=lambda: done.append(True))
    log.resize(400, 60)  # the result takes its room: the range grows under the kept value
    qtbot.wait(50)
    assert bar.value() < bar.maximum()  # as it was left before: the middle in view
    again()
    assert bar.value() == bar.maximum() and done == [True]


def test_a_log_the_user_scrolled_up_stays_where_it_is(qtbot):
    log = _followed_log(qtbot)
    bar, done = log.verticalScrollBar(), []
    bar.setValue(2)
    again = log_end_kept(log, then=lambda: done.append(True))
    log.resize(400, 60)
    qtbot.wait(50)
    again()
    assert bar.value() == 2 and done == [True]


def test_the_window_s_followed_log_is_at_its_end_under_a_tall_result(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.resize(464, 560)  # short: the result takes the log's room (as at 1.5x on 1366 x 768)
    progress.begin(5)
    progress.show()
    qtbot.waitExposed(progress)
    for epoch in range(1, 6):
        progress.on_event({"event": "epoch", "epoch": epoch, "loss": 1 / epoch, "val_accuracy": 0.5 + epoch / 20,
                           "val_mean_iou": 0.3 + epoch / 30})
        for line in range(8):
            progress.append_log(f"[petloc] epoch {epoch} line {line}")
    qtbot.wait(50)
    bar = progress.log.verticalScrollBar()
    assert 0 < bar.maximum() == bar.value()  # followed
    height = progress.log.height()
    progress.on_event({"event": "done", "metrics": FIGURES})
    progress.show_result(FIGURES, dict(FIGURES, mean_iou=0.011), " ".join([NOTE] * 4), old_name="digits")
    qtbot.waitUntil(progress.comparison.isVisible, timeout=2000)
    qtbot.wait(100)  # laid out (the queued `log_end_kept`)
    assert progress.log.height() < height  # the result took its room, or the test shows nothing
    assert bar.value() == bar.maximum()  # was 38 of 44: the last lines out of view
