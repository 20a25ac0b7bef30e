"""The Retraining window's comparison note sets a mixed-direction model name apart whole, as the run log's
warning above it does: the models the comparison's ``accepted_boxes`` counts are the ones its note names.

Before: the note reached the table with no names, so only the name's right-to-left letters were set apart
("…\u2068שם\u2069 abc (v-7)…"): "abc (v-7)" read as part of the sentence around it.
"""

from __future__ import annotations

from petloc_gui.core.text import isolated
from petloc_gui.ui.training.retrain_comparison_figures import comparison_figures
from petloc_gui.ui.training.retrain_progress import RetrainProgress

FSI, PDI = "\u2068", "\u2069"
NAME = "שם abc (v-7)"
FIGURES = {"accuracy": 0.9, "mean_iou": 0.7, "iou_ge_50": 0.8, "n_images": 10}
COMPARISON = {"event": "comparison", "old": FIGURES, "new": FIGURES,
              "note": f"3 of 10 validation images hold boxes from model {NAME} on 3 images",
              "accepted_boxes": {"n_images": 3, "from": {NAME: 3}, "own": 0}}


def test_the_note_sets_the_mixed_name_apart_whole(qtbot):
    progress = RetrainProgress()
    qtbot.addWidget(progress)
    progress.on_event(COMPARISON)
    old, new, note = comparison_figures(COMPARISON, None)
    progress.show_result(old, new, note, old_name="digits")  # the names: those of the event it holds
    shown = progress.comparison.summary.text()
    assert isolated(NAME) in shown, shown
    assert shown.count(FSI) == shown.count(PDI) == 1, shown
