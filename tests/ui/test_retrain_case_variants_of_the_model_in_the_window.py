"""A fine-tune of a model that holds "Cat" and "cat" itself was refused in the Retrain dialog with "…or give the
model's "Cat" a name of its own … (petloc train --renamed NEW=Cat: …)": the command's way, which the window does
not have. The dialog says the window's way, its class choices ("Cat renamed" for a class of this folder new to
the model, offered while no box is labelled Cat), and only where the window has it; the way it says works."""

from __future__ import annotations

import json

from petloc_gui.core.case_variant_refusal import Wording, case_variant_refusal
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import one_box_each

MODEL = ["Cat", "cat", "dog"]


def _folder(tmp_path, labels):
    return one_box_each(tmp_path / "photos", labels)


def _dialog(qtbot, tmp_path, labels):
    folder = _folder(tmp_path, labels)
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": MODEL,
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=len(labels), has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_a_class_new_to_the_model_can_be_told_the_models_cat_renamed_and_the_run_starts(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path, ["cat", "cat", "cat", "kitten", "kitten", "dog", "dog"])
    text = dialog.variants_note.text()
    assert "--renamed" not in text and "petloc train" not in text, text
    assert ('train a new model from scratch, fine-tune another one, or for a class of this folder new to the '
            'model that is the model\'s "Cat" renamed, choose "Cat renamed" above.') in text, text
    assert not dialog.start_button.isEnabled()
    combo = dialog.rename_choices.combo("kitten")  # the choice the words name is there, and does it
    combo.setCurrentIndex(combo.findData("Cat"))
    assert combo.currentText().startswith("Cat renamed")
    assert not dialog.variants_note.isVisibleTo(dialog) and dialog.start_button.isEnabled()
    assert dialog.options().renamed == {"kitten": "Cat"}


def test_with_boxes_labelled_cat_it_says_to_relabel_them_first(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path, ["cat", "cat", "cat", "Cat", "dog", "dog"])
    text = dialog.variants_note.text()
    assert "--renamed" not in text and "above" not in text, text  # no choice offers "Cat renamed" now
    assert ('relabel the boxes labelled "Cat" here with a name that no other class has in any spelling (the '
            'window\'s Edit → Classes…), save them, and choose "Cat renamed" for it when Retrain (Ctrl+T) opens '
            "again") in text, text


def test_with_no_class_new_to_the_model_it_names_no_choice(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path, ["cat", "cat", "cat", "dog", "dog"])
    text = dialog.variants_note.text()
    assert "train a new model from scratch or fine-tune another one." in text, text
    assert "renamed" not in text and not dialog.rename_choices.asks()


def test_the_command_keeps_its_own_words():
    said = case_variant_refusal({"cat": 3, "kitten": 2}, MODEL)
    assert "(petloc train --renamed NEW=Cat: the new model keeps it under that name" in said
    assert case_variant_refusal({"cat": 3, "kitten": 2}, MODEL, wording=Wording("above")) == case_variant_refusal(
        {"cat": 3, "kitten": 2}, MODEL, rename_hint=Wording("above"))
