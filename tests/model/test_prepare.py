"""One image preparation: the training input pipeline (no augmentation) and inference give the same tensor."""

from __future__ import annotations

import numpy as np
from PIL import Image

from petloc_gui.model.image_cache import ImageCache
from petloc_gui.model.inference import Predictor
from petloc_gui.model.pipeline import ImageSource, input_batches, train_dataset
from petloc_gui.model.prepare import decode, prepare_path

from .conftest import constant_model


def _rotated_photo(path):
    """A 90x60 JPEG stored sideways with EXIF orientation 6 (displayed 60 wide, 90 high)."""
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 255, (60, 90, 3), dtype=np.uint8)
    pixels[:, :30] = (250, 10, 10)
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.fromarray(pixels).save(path, quality=90, exif=exif)
    return path


def test_training_and_inference_prepare_a_photo_identically(tmp_path):
    photo = _rotated_photo(tmp_path / "photo.jpg")
    assert decode(photo).shape == (90, 60, 3)  # EXIF applied
    predictor = Predictor.from_model(constant_model(input_size=(64, 48)), ["cat", "dog"])
    served = predictor.prepare(decode(photo))
    assert served.shape == (48, 64, 3) and served.dtype == np.float32
    # validation batches (the monitor's path)
    inputs, ok = next(iter(input_batches(ImageSource([str(photo)]), (64, 48), 8).as_numpy_iterator()))
    assert ok.tolist() == [True]
    np.testing.assert_array_equal(inputs[0].astype(np.float32), served)
    # the training pipeline without augmentation
    dataset = train_dataset(ImageSource([str(photo)]), np.array([[0.1, 0.1, 0.9, 0.9]]), np.array([1]),
                            "none", (64, 48), 1, seed=0, max_side=128)
    x, (label, box) = next(iter(dataset.as_numpy_iterator()))
    np.testing.assert_array_equal(x[0], served)
    assert label.tolist() == [1]
    np.testing.assert_allclose(box[0], [0.1, 0.1, 0.9, 0.9])


def test_the_image_cache_returns_what_it_stored_and_notices_a_changed_file(tmp_path):
    photo = _rotated_photo(tmp_path / "photo.jpg")
    cache = ImageCache(tmp_path / "cache")
    calls = []

    def make():
        calls.append(1)
        return prepare_path(photo, (32, 32))

    first = cache.get(photo, "input-32x32", make)
    again = cache.get(photo, "input-32x32", make)
    np.testing.assert_array_equal(first, again)
    assert len(calls) == 1 and len(list((tmp_path / "cache").rglob("*.npy"))) == 1
    Image.new("RGB", (10, 10), (0, 255, 0)).save(photo)  # edited: new size and mtime
    changed = cache.get(photo, "input-32x32", make)
    assert len(calls) == 2 and changed[..., 1].min() > 240 and changed[..., 0].max() < 15


def test_an_unreadable_validation_image_is_flagged_not_fatal(tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    good = _rotated_photo(tmp_path / "good.jpg")
    batches = list(input_batches(ImageSource([str(good), str(bad)]), (16, 16), 8).as_numpy_iterator())
    assert batches[0][1].tolist() == [True, False]
