"""F1 at QT_SCALE_FACTOR=1.5 on an 800 x 800 screen (533 x 533 logical px, the gallery's): the dialog is as wide as
the screen, and the table's "0 … 9" row read "Label the selected box: the class named by the …" in its one 22 px
line (only the labelImg and the no-box-selected rows were given the lines they need). Every row whose text is
wider than its column takes the lines it needs, at the width the column has when shown and after the dialog is
resized (each scale in a process of its own: the scale is read once per process)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QStyle, QTableWidget

from petloc_gui.ui.help_dialog import HelpDialog
from tests.ui.own_screen import SCREEN_VARIABLE, run_on_screen

from .shown_text import wrapped_lines


def _cut_rows(table: QTableWidget) -> list[str]:
    """The texts of the rows too short for the lines their text takes wrapped in its column."""
    metrics = table.fontMetrics()
    # the text's margin each side in a cell, as Qt's styles lay an item's text out (and a grid line)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            needed = wrapped_lines(item.text(), table.columnWidth(column) - 2 * margin - 1) * metrics.lineSpacing()
            if table.rowHeight(row) < needed:
                cut.append(f"{item.text()[:50]!r}: {table.rowHeight(row)} px, needs {needed}")
    return cut


@pytest.mark.skipif(SCREEN_VARIABLE not in os.environ, reason="run by the test below, one scale a process")
def test_on_this_screen_no_row_is_cut(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    assert f"{area.width()}x{area.height()}" == os.environ[SCREEN_VARIABLE]
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert not _cut_rows(table)
    dialog.resize(dialog.width() * 2 // 3, dialog.height())  # narrower still: more rows wrap
    qtbot.waitUntil(lambda: not _cut_rows(table), timeout=3000)


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_row_takes_the_lines_it_needs_on_the_galleries_screen(tmp_path, scale):
    run_on_screen(test_on_this_screen_no_row_is_cut, tmp_path, 800, 800, scale)
