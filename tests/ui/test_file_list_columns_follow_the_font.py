"""At a 16-pt application font the image list's Conf. and IoU columns showed "…0" and "…6": their widths were
fixed pixels. They are measured in the list's font now, like the status column: each column fits its title, and
the figures fit whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.review.file_list import COL_CONF, COL_IOU, COL_PRED, COL_STATUS

from .conftest import open_and_wait


@pytest.fixture
def big_font(qapp):
    old = QApplication.font()
    font = QApplication.font()
    font.setPointSize(16)
    QApplication.setFont(font)
    yield
    QApplication.setFont(old)


def test_the_columns_fit_their_figures_and_titles_at_a_16_pt_font(big_font, qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    view = window.file_dock.view
    header = view.horizontalHeader()
    assert view.font().pointSize() == 16
    window.resizeDocks([window.file_dock], [1200], Qt.Horizontal)  # room for every column: none gives way
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(col) for col in (COL_PRED, COL_CONF)), timeout=3000)
    for col in (COL_CONF, COL_IOU):
        assert view.model().index(0, col).data() not in ("", None)  # there are figures to fit ("0.90")
        assert view.sizeHintForColumn(col) <= header.sectionSize(col), col
    for col in (COL_STATUS, COL_PRED, COL_CONF, COL_IOU):
        assert header.sectionSizeHint(col) <= header.sectionSize(col), col
    assert window.file_dock.legible_width() >= header.sectionSize(COL_STATUS) + header.sectionSize(COL_IOU)
