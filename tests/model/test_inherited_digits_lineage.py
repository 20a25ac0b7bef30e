"""A fine-tuned model records the MNIST digits its ancestors learned, not only its direct parent's.

Before: ``training_data.mnist_digits`` held the training canvases' digits and the parent's record only.
A parent whose own record lists none (trained before that record, two fine-tunes from the bundled digits
model) left out the digits of every model above it: once one of those was deleted, nothing said the new
model had learned them, and its figures on canvases of those digits read as held out.
"""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle


def _version(preset_folder, version_id, meta):
    folder = fake_bundle(preset_folder / version_id, ["0", "1", "2"], preset="digits")
    record = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**record, "version_id": version_id, **meta}), encoding="utf-8")
    return folder


def test_the_grandparent_s_digits_are_recorded(tmp_path):
    presets = VersionStore().root / "digits"
    _version(presets, "grandparent", {"training_data": {"mnist_digits": {"validation": [7, 9]}}})
    parent = _version(presets, "parent", {"parent": "grandparent"})  # its record lists no digits
    folder = tmp_path / "canvases"
    write_digits_dataset(folder, "train", count=6, seed=2)
    parent_meta = json.loads((parent / "meta.json").read_text(encoding="utf-8"))
    digits = TrainingData.collect(folder, val_fraction=0.3, parent_meta=parent_meta).summary_record(0)["mnist_digits"]
    assert digits["validation"] == [7, 9]  # the grandparent's, kept though the parent does not list them
    assert len(digits["train"]) >= 1  # the canvases' own digits as before


def test_a_chain_down_from_the_bundled_digits_model_learned_its_whole_split(tmp_path):
    presets = VersionStore().root / "digits"
    _version(presets, "first", {"parent": "digits"})  # trained before the record: the whole train split
    parent = _version(presets, "second", {"parent": "first"})
    folder = tmp_path / "canvases"
    write_digits_dataset(folder, "test", count=4, seed=2)
    parent_meta = json.loads((parent / "meta.json").read_text(encoding="utf-8"))
    digits = TrainingData.collect(folder, val_fraction=0.3, parent_meta=parent_meta).summary_record(0)["mnist_digits"]
    assert digits["train"] == "all"
