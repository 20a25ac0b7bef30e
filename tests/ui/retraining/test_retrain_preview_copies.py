"""The Retrain dialog lists the validation images the run holds out when the folder holds one photo under two
names: the run keeps such copies on one side (`splits.copies_together`), and the preview, which reads no image
through otherwise, finds them by hashing the files of a shared size (`identical_images.possible_copy_digests`)."""

from __future__ import annotations

import json

from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
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


def test_the_preview_reads_each_possible_copy_once(tmp_path, monkeypatch):
    """With a model to fine-tune, each image that may be a copy was hashed three times (twice by the
    two choosers, once by the fine-tune's read): a folder of same-size BMPs was read three times over."""
    import collections

    from petloc_gui.model import collected_folder, identical_images

    folder = tmp_path / "photos"
    for index in range(12):
        label = "cat" if index % 2 else "dog"
        _photo(folder, f"{label}_{index:02d}.png", label, index)
    everything = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED)
    parent = tmp_path / "parent"
    parent.mkdir()
    records = everything.splits_record()
    meta = {"class_names": everything.class_names, "images": everything.images_record(),
            "splits": {"train": records["train"], "validation": records["validation"], "test": []}}
    (parent / "meta.json").write_text(json.dumps(meta))
    reads: collections.Counter[str] = collections.Counter()
    for module, name in ((identical_images, "sha256_or_none"), (collected_folder, "sha256_or_none")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda path, real=real: reads.update([str(path)]) or real(path))
    assert holdout_preview_for(folder, parent_spec=str(parent)) is not None
    assert reads and max(reads.values()) == 1, reads.most_common(3)
