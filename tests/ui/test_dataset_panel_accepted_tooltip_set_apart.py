"""The Dataset panel's tooltip on the model (the whole warning `petloc train` gave on its images whose boxes were
accepted unchanged from a model) sets a right-to-left model name apart once: meta.json holds it plain
(`model.comparison_accepted.told`), or, written before, between isolates."""

from __future__ import annotations

import pytest

from petloc_gui.core.text import isolated
from tests.app.test_accepted_boxes_beside_figures import META, RECORD
from tests.ui.test_dataset_panel_accepted_boxes import _panel

NAME = "model \u05d3\u05d2\u05dd (other-7)"
PLAIN = f"all 16 scored validation images have boxes accepted unchanged from {NAME}: figures on them flatter it"


@pytest.mark.parametrize("warning", [PLAIN, PLAIN.replace(NAME, isolated(NAME))], ids=["plain", "older"])
def test_the_tooltip_sets_the_model_apart_once(qtbot, warning):
    record = {**RECORD, "from": {NAME: 16}, "warning": warning}
    tip = _panel(qtbot, {**META, "metrics_accepted_boxes": record}).model_label.toolTip()
    assert tip.count("\u2068") == tip.count("\u2069") == 1, tip
    assert isolated(NAME) in tip, tip
