"""The Retraining window's log, followed to its end while a run went, stays at its end when the result takes
its room: shrunk for the result (at scale 1.5 to two or three lines), it kept its scroll value and showed
lines from its middle, the run's last epochs out of view (gallery check H11; at scale 1 offscreen the window
has room enough that the log keeps its end either way, so the rule is checked on a log made smaller here;
`_show_comparison` asks it before the result is shown). One the user scrolled up stays where it is."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from petloc_gui.ui.training.retrain_progress_parts import log_end_kept


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
