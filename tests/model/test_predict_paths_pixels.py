"""`Predictor.predict_paths` holds a bounded number of decoded pixels, whatever the photo size.

A batch of 32 phone photos (12 MP) was decoded whole and held until the refiner's last pass: 2.1 GB
of peak RSS for `petloc predict` at the default batch size (benchmarks/predict_big_photos.py). Files
are now decoded one at a time, each prepared for the first stage at once (its full photo dropped
unless a refiner needs it), and a batch closes before its photos pass ``max_pixels``.
"""

from __future__ import annotations

import weakref

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.errors import PetlocError
from petloc_gui.model import inference
from petloc_gui.model.inference import Prediction, Predictor
from petloc_gui.model.prepare import decode


class _RecordingRefiner:
    """Stands in for `RefineStage`: records the decoded pixels of each batch it is given."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def __call__(self, images, probs, boxes):
        self.batches.append([im.shape[0] * im.shape[1] for im in images])
        return probs, boxes


def _photos(folder, sizes):
    paths = []
    for i, (width, height) in enumerate(sizes):
        path = folder / f"photo{i}.png"
        Image.new("RGB", (width, height), (40 * i % 256, 90, 160)).save(path)
        paths.append(path)
    return paths


class _LiveDecodes:
    """`decode` that remembers each array it gave (weakly) and, at each call, the pixels still alive."""

    def __init__(self) -> None:
        self.arrays: list[weakref.ref] = []
        self.alive_at_call: list[int] = []

    def __call__(self, path):
        self.alive_at_call.append(sum(a().shape[0] * a().shape[1] for a in self.arrays if a() is not None))
        image = decode(path)
        self.arrays.append(weakref.ref(image))
        return image


def test_a_batch_of_files_holds_at_most_the_pixel_budget(constant_bundle, tmp_path, monkeypatch):
    predictor = Predictor(constant_bundle)
    predictor.refine = refiner = _RecordingRefiner()  # type: ignore[assignment]
    decodes = _LiveDecodes()
    monkeypatch.setattr(inference, "decode", decodes)
    small = [(200, 150)] * 5  # 30,000 pixels each
    paths = _photos(tmp_path, [*small[:2], (400, 300), *small[2:]])  # one of 120,000: over the budget alone
    paths.insert(1, tmp_path / "missing.png")
    results = predictor.predict_paths(paths, batch_size=32, max_pixels=100_000)
    assert [isinstance(r, PetlocError) for r in results] == [False, True] + [False] * 5  # in its slot
    assert [r.box.width for r in results if isinstance(r, Prediction)] == pytest.approx(
        [100, 100, 200, 100, 100, 100], abs=0.01)  # each box in its own photo's pixels, in order
    assert refiner.batches == [[30_000] * 2, [120_000], [30_000] * 3]
    # while a file is decoded, only the batch so far is held: at most the budget, or one photo over it
    assert decodes.alive_at_call == [0, 30_000, 30_000, 60_000, 120_000, 30_000, 60_000]


def test_the_count_still_bounds_a_batch_of_small_photos(constant_bundle, tmp_path):
    predictor = Predictor(constant_bundle)
    predictor.refine = refiner = _RecordingRefiner()  # type: ignore[assignment]
    predictor.predict_paths(_photos(tmp_path, [(80, 60)] * 7), batch_size=3)
    assert [len(batch) for batch in refiner.batches] == [3, 3, 1]


def test_without_a_refiner_only_the_network_inputs_are_held(constant_bundle, tmp_path, monkeypatch):
    decodes = _LiveDecodes()
    monkeypatch.setattr(inference, "decode", decodes)
    results = Predictor(constant_bundle).predict_paths(_photos(tmp_path, [(400, 300)] * 4), batch_size=32)
    assert all(isinstance(r, Prediction) for r in results)
    assert decodes.alive_at_call == [0, 0, 0, 0]  # each photo let go once its 64x48 input was made


def test_the_shipped_cascade_predicts_the_same_with_and_without_the_budget(tmp_path):
    """The bundled pets model (two stages, a repass) on a few photos, one of them 12 MP: the same
    predictions in one batch, one photo a batch, and as arrays (`predict_images`: the path before)."""
    rng = np.random.default_rng(5)
    paths = []
    for i, (width, height) in enumerate([(500, 375), (4000, 3000), (250, 333), (640, 480)]):
        pixels = rng.integers(0, 256, (height // 8, width // 8, 3), dtype=np.uint8)
        pixels[height // 40 : height // 16, width // 24 : width // 12] = (200, 150, 90)  # something to box
        path = tmp_path / f"photo{i}.jpg"
        Image.fromarray(pixels).resize((width, height)).save(path, quality=90)
        paths.append(path)
    predictor = Predictor("pets")
    assert predictor.refine is not None, "the bundled pets model has two stages"
    together = predictor.predict_paths(paths, max_pixels=10**9)
    alone = predictor.predict_paths(paths, max_pixels=1)
    as_arrays = predictor.predict_images([decode(path) for path in paths])
    for want in (together, as_arrays):
        for got, expected in zip(alone, want, strict=True):
            assert isinstance(got, Prediction) and isinstance(expected, Prediction)
            assert got.label == expected.label
            assert got.box.as_tuple() == pytest.approx(expected.box.as_tuple(), abs=1e-2)
            assert list(got.probabilities.values()) == pytest.approx(list(expected.probabilities.values()), abs=1e-5)
