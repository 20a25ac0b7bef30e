"""A larger application font (16 pt) left three texts at fixed sizes: the comparison line over the panes (13 px),
the Retraining window's log (8 pt) and the boxes' label tags (10 pt, in a 16 px tag). They follow the app's font
now: the line and the log at its size (the log in the system's fixed-pitch font), the tags in it, bold, their
height its line's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import BoxItem
from petloc_gui.ui.canvas.panel_labels import one_line_header
from petloc_gui.ui.training.retrain_progress import RetrainProgress

POINTS = 16


@pytest.fixture
def big_font(qapp):
    old = QApplication.font()
    font = QApplication.font()
    font.setPointSize(POINTS)
    QApplication.setFont(font)
    yield font
    QApplication.setFont(old)


def test_the_comparison_line_is_in_the_app_font(qtbot, big_font):
    header = one_line_header()
    qtbot.addWidget(header)
    assert header.font().pointSize() == POINTS
    assert header.height() >= QFontMetrics(big_font).height()  # its one line whole


def test_the_training_log_is_fixed_pitch_at_the_app_size(qtbot, big_font):
    progress = RetrainProgress(None)
    qtbot.addWidget(progress)
    font = progress.log.font()
    assert font.pointSizeF() == POINTS
    # the system's fixed-pitch font (the offscreen platform's font database has no fixed-pitch one to check)
    assert font.family() == QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()


def test_a_box_tag_fits_its_text_in_the_app_font(qtbot, big_font):
    scene = QGraphicsScene()
    scene.setSceneRect(0, 0, 400, 300)
    item = BoxItem(Box(10, 100, 200, 200), "american_pit_bull_terrier", QColor("orange"))
    item.bounds = QRectF(0, 0, 400, 300)
    scene.addItem(item)
    where, text = item._tag(1.0)
    bold = QFont(big_font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    assert text == "american_pit_bull_terrier"
    assert where.height() >= metrics.height() and where.width() >= metrics.horizontalAdvance(text)
