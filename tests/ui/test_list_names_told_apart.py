"""In a big folder the names share their start and their end ("a_train_00003_digit0.png"): the Images
list's narrow name column must still show the part that tells rows apart, and the tooltip the whole name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.ui.review.file_list import COL_NAME

from .conftest import open_and_wait, write_image

NAMES = [f"a_train_{i:05d}_digit0.png" for i in range(0, 60, 7)]


def test_names_that_differ_in_their_number_read_differently_in_a_narrow_list(qtbot, window, tmp_path):
    folder = tmp_path / "digits"
    folder.mkdir()
    for seed, name in enumerate(NAMES):
        write_image(folder / name, seed=seed)
    dock = window.file_dock
    window.resizeDocks([dock], [dock.legible_width()], Qt.Horizontal)  # the list as narrow as it goes
    open_and_wait(qtbot, window, folder)
    view, model = dock.view, dock.model
    width = view.columnWidth(COL_NAME) - 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin)
    assert view.fontMetrics().horizontalAdvance(NAMES[0]) > width  # too narrow for the whole name
    shown = [view.fontMetrics().elidedText(model.data(model.index(row, COL_NAME)), view.textElideMode(), width)
             for row in range(model.rowCount())]
    assert len(set(shown)) == len(NAMES), shown  # each row reads as its own image
    for row, name in enumerate(NAMES):
        assert model.data(model.index(row, COL_NAME), Qt.ToolTipRole).startswith(name + " — ")
