"""The retrain verdict under the old/new table: it compares the figures as the table shows them and
names what got worse as well as what got better."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.comparison_verdict import UNTESTED, compare_figures
from petloc_gui.ui.training.model_comparison import ModelComparison


def _figures(accuracy, mean_iou, iou_ge_50, n_images=20):
    return {"accuracy": accuracy, "mean_iou": mean_iou, "iou_ge_50": iou_ge_50, "n_images": n_images}


@pytest.fixture
def table(qtbot):
    widget = ModelComparison()
    qtbot.addWidget(widget)
    return widget


def test_a_gain_too_small_to_show_while_two_figures_dropped_is_not_better(table):
    # the hunt's case: mean IoU 0.85004 -> 0.85041 shows 0.850 | 0.850; accuracy and IoU >= 0.5 dropped
    table.set_metrics(_figures(1.0, 0.85004, 0.95), _figures(0.95, 0.85041, 0.90))
    assert table.cell_text("mean_iou", 0) == table.cell_text("mean_iou", 1) == "0.850"
    text = table.summary.text()
    assert "better" not in text
    assert "worse on accuracy and IoU ≥ 0.5" in text


def test_better_on_one_figure_and_worse_on_others_is_mixed(table):
    table.set_metrics(_figures(1.0, 0.80, 0.95), _figures(0.95, 0.85, 0.90))
    text = table.summary.text()
    assert text.startswith("Mixed: the new model is better on mean IoU but worse on accuracy and IoU ≥ 0.5")
    assert "look at the images before keeping it" in text


def test_better_with_nothing_worse_says_better_and_what_stayed(table):
    table.set_metrics(_figures(0.95, 0.80, 0.90), _figures(0.95, 0.85, 0.95))
    assert table.summary.text() == ("The new model is better on mean IoU and IoU ≥ 0.5 "
                                    f"(the same on accuracy at the precision shown). {UNTESTED}")


def test_only_worse_and_all_equal(table):
    table.set_metrics(_figures(0.95, 0.80, 0.90), _figures(0.90, 0.80, 0.90))
    assert table.summary.text().startswith("The new model is worse on accuracy than the current one")
    table.set_metrics(_figures(0.95, 0.8001, 0.90), _figures(0.95, 0.8004, 0.90))
    assert table.summary.text().startswith("The new model is no better than the current one")


def test_unknown_figures_are_neither_better_nor_worse():
    nan = float("nan")
    old, new = _figures(0.9, nan, None), _figures(0.8, 0.7, 0.9)
    assert compare_figures(old, new) == ([], ["accuracy"], [])
    assert compare_figures(_figures(None, None, None), new) == ([], [], [])
