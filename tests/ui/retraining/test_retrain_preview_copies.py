"""The Retrain dialog lists the validation images the run holds out when the folder holds one photo under two
names: the run keeps such copies on one side (`splits.copies_together`), and the preview, which reads no image
through otherwise, finds them by hashing the files of a shared size (`identical_images.possible_copy_digests`)."""

from __future__ import annotations

import json

from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_support import holdout_preview_for
from tests.model.test_split_copies import _copy, _name_with_key, _photo

FRACTIONS = (0.05, 0.2, 0.5)


def test_the_preview_lists_the_run_s_split_of_a_folder_with_copies(tmp_path):
    folder = tmp_path / "photos"
    for index in range(40):
        label = "cat" if index % 2 else "dog"
        _photo(folder, f"{label}_{index:02d}.png", label, index)
    first = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED).splits_record()
    copies = [_name_with_key(f"backup/copy{i}", low=True, fraction=0.05) for i in range(3)]
    for source, copy in zip(first["train"], copies, strict=False):  # training images whose copies' paths validate
        _copy(folder, source, copy)
    parent = tmp_path / "parent"
    parent.mkdir()
    everything = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED)
    meta = {"class_names": everything.class_names, "images": everything.images_record(),
            "splits": {"train": first["train"][10:20], "validation": first["validation"][:3], "test": []}}
    (parent / "meta.json").write_text(json.dumps(meta))
    preview = holdout_preview_for(folder, parent_spec=str(parent))
    assert preview is not None
    for fraction in FRACTIONS:
        run = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED)
        assert preview(fraction).names == sorted(run.splits_record()["validation"]), fraction
        assert run.validation_record()["duplicates_kept_together"] == 6
        tuned = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED, parent_meta=meta,
                                     parent_class_names=meta["class_names"], parent_path=parent)
        assert preview(fraction, True).names == sorted(tuned.splits_record()["validation"]), fraction
    # each copy beside its twin, on the side the smallest path of the two gave them
    assert set(first["train"][:3]) <= set(preview(0.05).names)
