"""F1 at QT_SCALE_FACTOR=1.5 on an 800 x 800 screen (533 x 533 logical px, the gallery's): the dialog is as wide as
the screen, and the table's "0 … 9" row read "Label the selected box: the class named by the …" in its one 22 px
line (only the labelImg and the no-box-selected rows were given the lines they need). Every row whose text is
wider than its column takes the lines it needs, at the width the column has when shown and after the dialog is
resized (each scale in a process of its own: the scale is read once per process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyle, QTableWidget

from petloc_gui.ui.help_dialog import HelpDialog

from .shown_text import wrapped_lines

SCREEN_VARIABLE = "PETLOC_TEST_SCREEN"


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
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": [{"name": "gallery", "x": 0, "y": 0, "width": 800, "height": 800,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    logical = round(800 / float(scale))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               **{SCREEN_VARIABLE: f"{logical}x{logical}"})
    root = Path(__file__).resolve().parents[2]
    inner = f"{__file__}::{test_on_this_screen_no_row_is_cut.__name__}"
    done = subprocess.run([sys.executable, "-m", "pytest", inner, "-q", "-p", "no:cacheprovider"],
                          capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-3000:] + done.stderr[-2000:]
