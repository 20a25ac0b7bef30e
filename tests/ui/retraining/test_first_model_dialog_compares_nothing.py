"""Ctrl+T on a folder no model knows: "Train a model for this folder" said "the current and the new model
are compared on those neither trained on" though there was no current model to compare with."""

from __future__ import annotations

from petloc_gui.ui.models.first_model_start import IMAGENET_START
from petloc_gui.ui.training.retrain_ask import FIRST_MODEL_TITLE, as_first_model
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout

COMPARED = "compared"


def _dialog(qtbot, model_name: str) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name=model_name, data_name="/data", n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: lambda f, fine_tune: Holdout(
                               round(12 * f), [f"i{i}.png" for i in range(round(12 * f))]),
                           can_fine_tune=bool(model_name))
    qtbot.addWidget(dialog)
    return dialog


def test_a_first_model_s_held_out_images_are_not_said_to_compare_two_models(qtbot):
    dialog = _dialog(qtbot, "")
    as_first_model(dialog, IMAGENET_START)  # as ask_run opens it with no model in use
    qtbot.waitUntil(lambda: dialog.holdout_list.count() > 0, timeout=5000)
    assert dialog.windowTitle() == FIRST_MODEL_TITLE
    text = dialog.holdout_label.text()
    assert COMPARED not in text and "current and the new model" not in text, text
    assert "held out for validation" in text and "gives its figures." in text


def test_a_retrain_of_the_model_in_use_still_says_both_are_compared(qtbot):
    for fine_tune in (True, False):  # from scratch too: the model in use is compared with the new one
        dialog = _dialog(qtbot, "digits")
        qtbot.waitUntil(lambda dialog=dialog: dialog.holdout_list.count() > 0, timeout=5000)
        (dialog.from_current if fine_tune else dialog.from_scratch).setChecked(True)
        assert "the current and the new model are compared on those neither trained on." in \
            dialog.holdout_label.text()
