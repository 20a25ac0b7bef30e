"""`evaluate --split validation` looking for a missing validation image by its bytes took its training
copy (the same bytes at a path the model records as a training image) for it, though by case and Unicode
form it never takes an image of its record. (`petloc train`'s check for a layout's test list, once here,
takes the index the run opens: tests/cli/test_train_layout_test_split_said.py counts them.)"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from petloc_gui.cli.recorded_images import find_recorded


def test_a_training_copy_is_not_taken_for_a_missing_validation_image():
    items = [SimpleNamespace(image_path=Path("/d/train/a.jpg")), SimpleNamespace(image_path=Path("/d/other/b.jpg"))]
    relpaths = {"/d/train/a.jpg": "train/a.jpg", "/d/other/b.jpg": "other/b.jpg"}
    digests = {"val/a.jpg": "same"}
    found = find_recorded(items, lambda item: relpaths[str(item.image_path)], ["val/a.jpg"], digests,
                          lambda path: "same" if path.name == "a.jpg" else "different",
                          recorded={"train/a.jpg", "val/a.jpg"})
    assert found.items == [] and found.by_bytes == []


def test_a_copy_at_a_path_the_model_does_not_record_is_found(tmp_path):
    items = [SimpleNamespace(image_path=Path("/d/moved/a.jpg"))]
    found = find_recorded(items, lambda item: "moved/a.jpg", ["val/a.jpg"], {"val/a.jpg": "same"},
                          lambda path: "same", recorded={"train/x.jpg", "val/a.jpg"})
    assert found.by_bytes == [("val/a.jpg", "moved/a.jpg")]
