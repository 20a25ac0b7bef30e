"""The Retrain dialog's "N annotated images are the current model's test images" counts the user's
annotations that a fine-tune will not train on. Before: it counted every image at the parent's test paths
(`TrainingData.test`), those without an annotation too, so it overstated how many of theirs were held out."""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for


def test_only_annotated_test_images_of_the_parent_are_counted(qtbot, tmp_path):
    folder = tmp_path / "digits"
    images = write_digits_dataset(folder, "train", count=12, seed=0)
    run = TrainingData.collect(folder, val_fraction=0.2)
    parent = tmp_path / "parent"
    parent.mkdir()
    test = sorted(p.name for p in images[:5])  # the parent's test images; 3 of them since unannotated
    (parent / "meta.json").write_text(json.dumps({"class_names": run.class_names,
                                                  "splits": {"train": [], "validation": [], "test": test}}))
    for image in images[:3]:
        image.with_suffix(".xml").unlink()
    holdout = holdout_preview_for(folder, parent_spec=str(parent))(0.2, True)
    assert holdout.parent_test == 2
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=9, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=str(parent)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    assert dialog.holdout_label.text().endswith(" 2 annotated images are the current model's test images: "
                                                "fine-tuning never trains on them, so its test figures stay honest.")
