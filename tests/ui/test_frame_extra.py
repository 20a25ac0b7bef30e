"""How much a window's frame adds to it (`frame_extra`), one rule for every window kept on its screen: `fit_into`, the
Retrain dialog growing (`grow_within_screen`) and the Retraining window growing by its result. Its frame margins once
framed; the typical ones before, and while the window manager is building the frame (Qt then reads a frame that does
not hold the window); nothing for a window frameless by its flags. The Retraining window measured its title bar from
the raw frame height, and grew by less than its room while the frame was half built (or past it, frame read short)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QDialog, QWidget

from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.window_geometry import FRAME_ALLOWANCE_PX, TITLE_ALLOWANCE_PX, frame_extra, frame_margins
from tests.ui.test_fit_into_an_unframed_window import HalfFramedDialog, NotFramedYet
from tests.ui.test_retraining_window_reads_whole import FIGURES, NOTE


def test_a_framed_window_adds_its_frame(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    margins = frame_margins(dialog)
    assert not margins.isNull()  # (offscreen frames a window at once)
    assert frame_extra(dialog) == QSize(margins.left() + margins.right(), margins.top() + margins.bottom())


def test_a_window_not_framed_yet_or_half_framed_is_given_the_typical_frame():
    for window in (NotFramedYet(QRect(0, 100, 400, 300)), HalfFramedDialog()):
        assert frame_extra(window) == QSize(FRAME_ALLOWANCE_PX, TITLE_ALLOWANCE_PX)


def test_a_window_frameless_by_its_flags_adds_nothing(qtbot):
    window = QWidget(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert frame_extra(window) == QSize(0, 0)


def test_the_retraining_window_half_framed_grows_by_its_room_less_a_title_bar(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.begin(2)
    progress.show()
    qtbot.waitExposed(progress)
    area = progress.screen().availableGeometry()
    progress.resize(720, area.height() - TITLE_ALLOWANCE_PX - 100)  # 100 px left to grow, a title bar kept
    qtbot.wait(20)
    before = progress.height()
    # the window manager building its frame: Qt reads one 1 px wide and 250 px taller than the window, which
    # taken for the frame left the window no room to grow
    progress.frameGeometry = lambda: QRect(progress.x(), progress.y() - 200, 1, progress.height() + 250)
    assert frame_margins(progress).isNull()
    progress.show_result(FIGURES, FIGURES, NOTE, old_name="c57c1b")
    qtbot.waitUntil(lambda: progress.comparison.isVisible(), timeout=2000)
    assert progress.height() > before  # grown, as a window not framed yet does
    assert progress.height() <= area.height() - TITLE_ALLOWANCE_PX  # a title bar's room kept
