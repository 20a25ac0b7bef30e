"""The Retraining window's summary over the comparison named classes in Qt's AutoText: "No image of the class
<b>kitten</b> (new) is among the 4 images…" read kitten in bold, its tags gone (the first model's summary too, and
the sentence naming renamed classes). It names them as written."""

from __future__ import annotations

from petloc_gui.core.unscored_classes import not_scored_sentence
from petloc_gui.model.class_renames import renamed_sentence
from petloc_gui.ui.training.model_comparison import ModelComparison

from .shown_text import label_shown

OLD = {"accuracy": 0.9, "mean_iou": 0.8, "n_images": 4}
NEW = {"accuracy": 0.95, "mean_iou": 0.82, "n_images": 4}


def test_the_summary_names_classes_as_written(qtbot):
    comparison = ModelComparison()
    qtbot.addWidget(comparison)
    unscored = not_scored_sentence(["<b>kitten</b>"], 4, 3, new=["<b>kitten</b>"])
    renamed = renamed_sentence({"<i>cat</i>": "<i>kitty</i>"})
    for note in (unscored, renamed):
        assert "<b>kitten</b>" in note or "<i>kitty</i>" in note  # else the test says nothing
        comparison.set_metrics(OLD, NEW, note)
        assert note in comparison.summary.text()
        assert label_shown(comparison.summary) == comparison.summary.text()
        comparison.set_first_model(NEW, note)
        assert note in comparison.summary.text()
        assert label_shown(comparison.summary) == comparison.summary.text()
