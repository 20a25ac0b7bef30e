"""The photo training stream: whole batches read and augmented at once (issue 8)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petloc_gui.model.pipeline import ImageSource, train_dataset

BOX = (0.25, 0.25, 0.75, 0.75)


def _photos(folder, count=6):
    """JPEGs of different sizes, each a bright square (the box) on a dark ground."""
    paths, sizes = [], []
    for k in range(count):
        w, h = 120 + 20 * k, 90 + 10 * k
        image = np.full((h, w, 3), 20, np.uint8)
        image[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4] = 230
        path = folder / f"photo_{k}.jpg"
        Image.fromarray(image).save(path, quality=95)
        paths.append(str(path))
        sizes.append((w, h))
    return paths, sizes


def test_photo_batches_carry_each_photo_with_its_label_and_a_box_around_its_square(tmp_path):
    paths, _ = _photos(tmp_path)  # sizes read from the headers
    dataset = train_dataset(ImageSource(paths), np.array([BOX] * 6), np.arange(6), "photo", (64, 64),
                            batch_size=6, seed=1, max_side=128, zoom_out=0.5)
    seen = Counter()
    # A batch of the list's length is one pass (batches may arrive out of order, passes do not mix).
    for x, (labels, boxes) in dataset.take(4).as_numpy_iterator():
        assert x.shape == (6, 64, 64, 3) and x.dtype == np.float32
        assert sorted(labels.tolist()) == list(range(6))  # each photo once per pass
        seen.update(labels.tolist())
        for image, box in zip(x, boxes, strict=True):
            x1, y1, x2, y2 = np.round(box * 64).astype(int)
            inside = image[y1:y2, x1:x2].mean()
            assert inside > 150, (box, inside)  # the box lies on the bright square
    assert set(seen) == set(range(6)) and max(seen.values()) - min(seen.values()) <= 1  # each photo once per pass


def test_a_photo_damaged_after_it_was_listed_is_replaced_within_its_batch(tmp_path):
    paths, sizes = _photos(tmp_path)
    source = ImageSource(paths, sizes=sizes)
    (tmp_path / "photo_2.jpg").write_bytes(b"\xff\xd8\xff not a jpeg any more")
    dataset = train_dataset(source, np.array([BOX] * 6), np.arange(6), "photo", (64, 64), batch_size=3, seed=1,
                            max_side=128)
    labels_seen = Counter()
    for x, (labels, _) in dataset.take(6).as_numpy_iterator():
        assert x.shape == (3, 64, 64, 3)
        labels_seen.update(labels.tolist())
    assert 2 not in labels_seen and len(labels_seen) == 5


def test_training_stops_with_a_clear_message_when_no_photo_can_be_read_any_more(tmp_path):
    paths, sizes = _photos(tmp_path, count=3)
    source = ImageSource(paths, sizes=sizes)
    for path in paths:  # e.g. the folder was deleted during training
        Path(path).unlink()
    dataset = train_dataset(source, np.array([BOX] * 3), np.arange(3), "photo", (64, 64), batch_size=2, seed=1,
                            max_side=128)
    with pytest.raises(Exception, match="no image of this training batch could be read"):
        next(iter(dataset))
