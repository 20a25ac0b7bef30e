"""A ground-truth pane too narrow for its shortest title shows a title that fits, shortened with "…" (or "GT"),
not one cut mid-word: with the Dataset panel open at 1.5x it read "Ground trutl"."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.image_document import ImageDocument, make_object
from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.image_panel import ImagePanel
from petloc_gui.ui.canvas.panel_labels import pane_title


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


@pytest.mark.parametrize("width", [120, 140, 160])
def test_a_narrow_prediction_pane_reads_pred(qtbot, width):
    """The prediction pane's title was never shortened: at the window's least width (654 px at 1.5) it read
    "Predictic"."""
    panel = _panel(qtbot, width, boxed=True)
    title = panel.pred_title
    whole = pane_title("Prediction")  # in bold, padded, as the pane's
    qtbot.addWidget(whole)
    whole.ensurePolished()
    assert title.width() < whole.sizeHint().width()  # a pane too narrow for "Prediction": else the test shows nothing
    assert title.sizeHint().width() <= title.width(), title.text()
    assert title.text() == "Pred"
    assert title.toolTip() == "Prediction"  # said whole there


def test_a_wide_prediction_pane_keeps_its_whole_title(qtbot):
    panel = _panel(qtbot, 900)
    assert panel.pred_title.text() == "Prediction"
