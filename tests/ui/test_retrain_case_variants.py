"""The window refuses a run whose classes include one typed two ways ("Bengal" and "bengal"), as `petloc
train` refuses it and in its words (`core.case_variant_refusal`), pointing to Edit → Classes… (Ctrl+L):
the Retrain dialog (Ctrl+T, and a folder's first model, which it opens too) started such a run, and the
new model learned the two spellings as two classes."""

from __future__ import annotations

import json

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import one_box_each
from tests.ui.test_retrain_unaware_prelabels import _prelabel


def _folder(tmp_path, labels):
    return one_box_each(tmp_path / "photos", labels)


def _dialog(qtbot, folder, parent=None, has_unsaved=False):
    dialog = RetrainDialog(None, model_name="parent" if parent else "none", data_name=str(folder), n_annotated=6,
                           has_unsaved=has_unsaved, can_fine_tune=parent is not None,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent or "") or None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_a_first_model_of_a_class_typed_two_ways_is_refused_in_the_commands_words(qtbot, tmp_path):
    folder = _folder(tmp_path, ["bengal", "bengal", "Bengal", "bengal", "dog", "dog"])
    dialog = _dialog(qtbot, folder)
    assert dialog.variants_note.isVisibleTo(dialog)
    assert dialog.variants_note.text() == (
        'This run cannot start: labels that differ only in case would train as separate classes: '
        '"bengal" (3 boxes) and "Bengal" (1 box). Give each class one name: the window\'s Edit → Classes… '
        "(Ctrl+L) renames a class on every box of the folder, and renaming one spelling to the other merges them.")
    assert not dialog.start_button.isEnabled()


def test_one_spelling_each_starts(qtbot, tmp_path):
    dialog = _dialog(qtbot, _folder(tmp_path, ["bengal", "bengal", "dog", "dog"]))
    assert not dialog.variants_note.isVisibleTo(dialog) and dialog.start_button.isEnabled()


def test_unsaved_edits_are_not_read_so_it_says_to_save_them_first(qtbot, tmp_path):
    dialog = _dialog(qtbot, _folder(tmp_path, ["bengal", "Bengal", "dog", "dog"]), has_unsaved=True)
    text = dialog.variants_note.text()
    assert text.startswith("As saved now, this run could not start: labels that differ only in case")
    assert "save them (File → Save all, Ctrl+Shift+S), then open Retrain again" in text
    assert not dialog.start_button.isEnabled()  # the run would train them apart if the edits did not merge them


def test_a_spelling_only_on_pre_labels_refuses_only_a_run_that_trains_on_them(qtbot, tmp_path):
    folder = _folder(tmp_path, ["bengal", "bengal", "bengal", "dog", "dog"])
    _prelabel(folder, "pre", "Bengal", "petloc pre-label by petloc predict, model digits")  # a model nowhere
    dialog = _dialog(qtbot, folder)
    assert dialog.variants_note.isVisibleTo(dialog) and not dialog.start_button.isEnabled()
    dialog.train_prelabels.setChecked(False)
    assert not dialog.variants_note.isVisibleTo(dialog) and dialog.start_button.isEnabled()


def test_a_class_of_the_model_spelled_otherwise_is_refused_until_it_is_told_renamed(qtbot, tmp_path):
    folder = _folder(tmp_path, ["Cat", "Cat", "Cat", "dog", "dog", "dog"])
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog"],
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    dialog = _dialog(qtbot, folder, parent)
    text = dialog.variants_note.text()
    assert '"Cat" (3 boxes) and "cat" (the model\'s class, on no box)' in text
    assert text.endswith('; or, for a class of the model spelled otherwise here, choose "cat renamed" for Cat '
                         "above, to keep its weights under this folder's spelling.")
    assert not dialog.start_button.isEnabled()
    combo = dialog.rename_choices.combo("Cat")
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("cat"))
    assert not dialog.variants_note.isVisibleTo(dialog) and dialog.start_button.isEnabled()
    assert dialog.options().renamed == {"Cat": "cat"}
    assert dialog.rename_choices.isVisibleTo(dialog)  # the choice stays on screen, the keyboard on it
    dialog.from_scratch.setChecked(True)  # from scratch: the model's classes are not the run's
    assert not dialog.variants_note.isVisibleTo(dialog) and dialog.start_button.isEnabled()
