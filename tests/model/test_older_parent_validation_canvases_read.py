"""A fine-tune from an older model (meta.json with its ``images`` and ``validation_split.images``, no ``splits``) keeps
the images that chose that model's epoch in `TrainingData.inherited_canvases`: its lineage lists no training images
(`Lineage.read_hashes` is empty for it), so only the parent's own record (`core.digits_record.recorded_canvases`)
says which canvases it read. Left out, a scored canvas the parent chose its epoch on would be said to be one no
model of its line read. Records written here, no training."""

from __future__ import annotations

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.training_data import TrainingData


def test_an_older_parents_validation_images_are_canvases_it_read(tmp_path):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "train", count=12, seed=5)
    first = TrainingData.collect(folder, "default", [], 0.5, 0)
    images = first.images_record()
    validation = sorted(it.relpath for it in first.validation)
    test = sorted(it.relpath for it in first.train)[:1]  # one listed as its test image: never read by it
    assert validation and test
    older = {"format_version": 1, "preset": "digits", "class_names": first.class_names, "input_size": [75, 75],
             "images": images, "validation_split": {"images": validation}, "test_split": {"images": test},
             "training_data": {}}
    data = TrainingData.collect(folder, "default", [], 0.5, 0, parent_meta=older)
    assert data.lineage_incomplete  # an older model: its training list is unknown
    chose_its_epoch = {images[relpath]["sha256"] for relpath in validation}
    assert chose_its_epoch <= data.inherited_canvases
    assert images[test[0]]["sha256"] not in data.inherited_canvases
