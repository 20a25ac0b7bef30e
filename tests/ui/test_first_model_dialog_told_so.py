"""The Retrain dialog is told it asks for a folder's first model (`retrain_ask.as_first_model`) instead of
inferring it from its hidden fine-tune choice (bbd07fa), which left the held-out note saying the current and the
new model are compared when that choice was off already as the dialog was made a first model's."""

from __future__ import annotations

from petloc_gui.ui.models.first_model_start import IMAGENET_START
from petloc_gui.ui.training.retrain_ask import as_first_model
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout


def test_a_first_model_dialog_made_so_after_its_preview_came_says_nothing_is_compared(qtbot):
    # no model in use: the fine-tune choice is off from the start, so making it a first model's toggles nothing
    dialog = RetrainDialog(None, model_name="", data_name="/data", n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: lambda f, fine_tune: Holdout(2, ["a.png", "b.png"]),
                           can_fine_tune=False)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.holdout_list.count() == 2, timeout=5000)
    assert "compared" in dialog.holdout_label.text()  # not yet told
    as_first_model(dialog, IMAGENET_START)
    assert "compared" not in dialog.holdout_label.text(), dialog.holdout_label.text()
