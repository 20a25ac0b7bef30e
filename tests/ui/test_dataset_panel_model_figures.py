"""The Dataset panel's model figures say what the status line and Versions say (`metrics_text`)."""

from __future__ import annotations

import pytest

from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.review.dataset_panel import DatasetPanel


@pytest.fixture
def panel(qtbot):
    panel = DatasetPanel()
    qtbot.addWidget(panel)
    return panel


def _lines(panel) -> list[str]:
    return panel.model_label.text().split("<br>")


def _info(metrics, **kwargs) -> ModelInfo:
    return ModelInfo(spec="m", name="pets v3", path=None, version_id="m@1", class_names=("cat", "dog"),
                     metrics=metrics, **kwargs)


def test_a_model_without_figures_says_so(panel):
    """It read "figures on the validation images:" followed by nothing."""
    panel.set_model(_info({}))
    assert _lines(panel) == ["<b>Model:</b> pets v3", "no figures recorded with this model", "classes: cat, dog"]


def test_figures_say_their_split_and_count_then_each_figure(panel):
    panel.set_model(_info({"n_images": 48, "accuracy": 0.985, "mean_iou": 0.8125, "iou_ge_50": 0.9}, split="test"))
    assert _lines(panel)[:5] == ["<b>Model:</b> pets v3", "acc 0.985 · IoU 0.812 on 48 test images",
                                 "class accuracy: 0.985", "mean IoU: 0.812", "boxes with IoU ≥ 0.5: 0.900"]


def test_figures_measured_on_no_image_are_not_listed(panel):
    """A run too small to hold images out records 0 images: no "class accuracy: 0.000" under it."""
    panel.set_model(_info({"n_images": 0, "accuracy": 0.0, "mean_iou": 0.0}, held_out=0))
    assert _lines(panel)[1:] == ["no validation images: figures not measured", "classes: cat, dog"]


def test_names_are_text_not_markup(panel):
    panel.set_model(ModelInfo(spec="m", name="<b>x</b>", path=None, version_id="m@1", class_names=("a<b",)))
    assert "&lt;b&gt;x&lt;/b&gt;" in panel.model_label.text() and "a&lt;b" in panel.model_label.text()
