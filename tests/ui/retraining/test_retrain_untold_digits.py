"""The Retrain dialog warns, before the run, of training canvases whose `petloc digits` record cannot tell
which MNIST digit they hold, in the run's own words (`TrainingData.digits_notices`): the new model's record
then says it may have learned every digit. Before: nothing was said, and the record said it learned none."""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for


def test_the_dialog_warns_of_training_canvases_whose_digit_cannot_be_told(qtbot, tmp_path):
    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    (folder / RECORD_NAME).write_text("{ broken")
    preview = holdout_preview_for(folder)
    for fraction in (0.2, 0.4):  # the run's words, for the images it trains on at that fraction
        run = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED)
        assert list(preview(fraction, False).digits_notes) == run.digits_notices() != []
    parent = tmp_path / "parent"  # fine-tuning: the images the fine-tune trains on
    parent.mkdir()
    meta = {"class_names": [str(i) for i in range(10)], "splits": {"train": [], "validation": [], "test": []}}
    (parent / "meta.json").write_text(json.dumps(meta))
    tuned = holdout_preview_for(folder, parent_spec=str(parent))(0.3, True)
    run = TrainingData.collect(folder, val_fraction=0.3, seed=SPLIT_SEED, parent_meta=meta,
                               parent_class_names=meta["class_names"])
    assert list(tuned.digits_notes) == run.digits_notices() != []
    dialog = RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=12, has_unsaved=False,
                           holdout_loader=lambda: preview)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    n = len(TrainingData.collect(folder, val_fraction=dialog.val_fraction.value(), seed=SPLIT_SEED).train)
    assert dialog.digits_note.isVisible()
    assert dialog.digits_note.text().startswith(
        "Warning: petloc-digits.json: cannot be read: not JSON (Expecting property name enclosed in double quotes, "
        f"line 1 column 3): which MNIST digit the {n} training images in its folder hold cannot be told, so the new "
        "model's meta.json records that it may have learned every digit of petloc digits")


def test_no_warning_when_the_record_tells_every_digit(qtbot, tmp_path):
    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=6, seed=0)
    assert json.loads((folder / RECORD_NAME).read_text())["images"]
    dialog = RetrainDialog(None, model_name="digits", data_name=str(folder), n_annotated=6, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    assert dialog.holdout_list.isVisible() and not dialog.digits_note.isVisible()
