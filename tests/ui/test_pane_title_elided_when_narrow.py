"""A ground-truth pane too narrow for its shortest title shows a title that fits, shortened with "…" (or "GT"),
not one cut mid-word: with the Dataset panel open at 1.5x it read "Ground trutl"."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.image_panel import ImagePanel


def _panel(qtbot, width: int, boxed: bool = False) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    objects = [make_object("cat", Box(1, 1, 5, 5))] if boxed else []  # with no box the title says "No box yet"
    doc = ImageDocument(Path("a.png"), Path("a.xml"), objects=objects)
    panel.show_annotation(doc)
    qtbot.wait(20)
    return panel


@pytest.mark.parametrize("boxed", [False, True])
@pytest.mark.parametrize("width", [120, 150, 180, 210])
def test_a_narrow_pane_shows_a_title_that_fits(qtbot, width, boxed):
    panel = _panel(qtbot, width, boxed)
    title = panel.gt_title
    assert title.width() < 120  # a pane narrower than "Ground truth": else the test shows nothing
    assert title.sizeHint().width() <= title.width(), title.text()
    shown = title.text()
    assert shown == "GT" or (shown.endswith("…") and " …" not in shown) or shown.startswith("Ground truth"), shown
    assert title.toolTip().startswith("Ground truth (editable)")  # said whole there


def test_a_wide_pane_keeps_its_whole_title(qtbot):
    panel = _panel(qtbot, 900)
    assert panel.gt_title.text().startswith("Ground truth (editable)")
