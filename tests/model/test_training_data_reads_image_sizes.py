"""`TrainingData.collect` without a ``folder`` read the annotations with their <size> alone, so an XML
whose <size> (100x100) is not its image's (300x200) had its box clamped to nothing and left out there,
while `petloc train` (and every other read, `collect_folder(image_sizes=True)`) trained on it."""

from __future__ import annotations

from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.training_data import TrainingData
from tests.model.test_boxes_read_as_petloc_train import _folder

B = "JPEGImages/day/b.jpg"  # its <size> 100x100, its image 300x200, its box past the <size>


def test_collect_reads_the_boxes_on_each_images_own_size(tmp_path):
    root = _folder(tmp_path / "voc", "JPEGImages")
    run = {sample.relpath: sample.box for sample in collect_folder(root, image_sizes=True).samples}
    data = TrainingData.collect(root, val_fraction=0.0)
    collected = {item.relpath: item.sample.box for item in data.items}
    assert B in collected and collected == run
    assert not data.skipped
