"""A fine-tune's closing figures say "on these very canvases" of validation images whose bytes its parent chose its
epoch with (`model.training_digits.learned_digits_record`, from what `TrainingData` collected of the parent's line:
`inherited_canvases`). Before, `petloc train --init-from digits` on `petloc digits --split train --seed 0`, the
bundled model's own canvases byte for byte, said its parent "learned, or chose its epoch with, on other canvases"
the digits of the 199 validation images that chose that very parent's epoch. Tiny parent records written here,
no training, no TensorFlow."""

from __future__ import annotations

import hashlib

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.training_digits import learned_digits_record

PARENT = "the model it was fine-tuned from, or one that model descends from,"
SAID = (f"that {PARENT} learned, or chose its epoch with, {{on}} (the digits of petloc digits --split train), so "
        "these figures on them are optimistic.")


def _parent_meta(folder, train, validation):
    """The meta.json of a model trained on ``train`` and validated on ``validation`` (canvases of ``folder``, as
    recorded by their bytes), from scratch, that learned every digit of the train split."""
    hashes = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in [*train, *validation]}
    return {"format_version": 1, "preset": "digits", "class_names": [str(i) for i in range(10)],
            "version_id": "parent-v1", "parent": None,
            "splits": {"train": list(train), "validation": list(validation), "test": []},
            "images": {name: {"sha256": digest, "size": (folder / name).stat().st_size}
                       for name, digest in hashes.items()},
            "training_data": {"mnist_digits": {"train": "all"}}}


def _record(folder, parent_meta, parent_canvases=None):
    """`model.training`'s record of a fine-tune from ``parent_meta`` on ``folder`` (the parts of meta.json it reads),
    as the run collected its data; ``parent_canvases``: those passed (None: `TrainingData.inherited_canvases`)."""
    data = TrainingData.collect(folder, "default", [], 0.5, 0, parent_meta=parent_meta)
    selection, report = data.validation_parts()
    scored = sorted(it.relpath for it in report or selection)
    meta = {"format_version": 1, "preset": "digits", "class_names": data.class_names, "images": data.images_record(),
            "splits": data.splits_record(), "training_data": data.summary_record(0),
            "validation_parts": {"selection": sorted(it.relpath for it in selection),
                                 "report": sorted(it.relpath for it in report)},
            "metrics": {"split": "validation", "n_images": len(scored), "accuracy": 0.5}}
    canvases = data.inherited_canvases if parent_canvases is None else parent_canvases
    return learned_digits_record(meta, folder, data.inherited_digits, canvases), scored


def test_the_parents_own_folder_its_validation_canvases_are_these_very_canvases(tmp_path):
    names = sorted(image.name for image in write_digits_dataset(tmp_path, "train", count=20, seed=0))
    record, scored = _record(tmp_path, _parent_meta(tmp_path, names[::2], names[1::2]))
    n = len(scored)
    assert n > 1 and set(scored) <= set(names[1::2])  # a fine-tune keeps its parent's validation images
    assert record and record["hedges"] == [f"{n} of these {n} images hold MNIST digits " + SAID.format(
        on="on these very canvases")]


def test_canvases_placed_anew_are_other_canvases(tmp_path):
    """The parent recorded the canvases of --seed 0; the folder holds those of --seed 1: the same digits."""
    recorded = tmp_path / "seed0"
    names = sorted(image.name for image in write_digits_dataset(recorded, "train", count=20, seed=0))
    parent_meta = _parent_meta(recorded, names[::2], names[1::2])
    folder = tmp_path / "seed1"
    write_digits_dataset(folder, "train", count=20, seed=1)
    record, scored = _record(folder, parent_meta)
    n = len(scored)
    assert record and record["hedges"] == [f"{n} of these {n} images hold MNIST digits " + SAID.format(
        on="on other canvases")]


def test_some_of_its_own_and_some_placed_anew(tmp_path):
    """Half the folder the parent's own canvases (a third of them its validation), half another seed's."""
    own = sorted(image.name for image in write_digits_dataset(tmp_path, "train", count=18, seed=0))
    write_digits_dataset(tmp_path / "more", "train", count=18, seed=1)
    parent_meta = _parent_meta(tmp_path, [name for i, name in enumerate(own) if i % 3], own[::3])
    record, scored = _record(tmp_path, parent_meta)
    mine = len(set(scored) & set(own[::3]))
    assert 0 < mine < len(scored)  # (the split of these canvases scores both kinds)
    assert record and record["hedges"] == [f"{len(scored)} of these {len(scored)} images hold MNIST digits "
                                           + SAID.format(on=f"on {mine} of these very canvases and on other canvases")]
    assert _record(tmp_path, parent_meta, frozenset())[0]["hedges"] == [  # not passed: as before
        f"{len(scored)} of these {len(scored)} images hold MNIST digits " + SAID.format(on="on other canvases")]
