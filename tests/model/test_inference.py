"""Predicted boxes come back in the pixels of the image as displayed."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.inference import Prediction, Predictor

from .conftest import KNOWN_BOX


def _expected(width, height):
    x0, y0, x1, y1 = KNOWN_BOX
    return (x0 * width, y0 * height, x1 * width, y1 * height)


def test_box_maps_to_original_pixels_and_scales_with_the_image(constant_bundle):
    predictor = Predictor(constant_bundle)
    small = np.zeros((100, 120, 3), np.uint8)
    big = np.zeros((200, 240, 3), np.uint8)  # the same picture at 2x
    p_small, p_big = predictor.predict_images([small, big])
    assert isinstance(p_small, Prediction)
    assert p_small.box.as_tuple() == pytest.approx(_expected(120, 100), abs=1e-3)
    assert p_big.box.as_tuple() == pytest.approx(_expected(240, 200), abs=1e-3)
    assert p_big.box.width == pytest.approx(2 * p_small.box.width, abs=1e-3)
    assert p_small.label == "dog"
    assert p_small.confidence == pytest.approx(np.exp(2) / (1 + np.exp(2)), abs=1e-4)
    assert sum(p_small.probabilities.values()) == pytest.approx(1.0, abs=1e-5)


def test_exif_rotated_jpeg_uses_the_displayed_size(constant_bundle, tmp_path):
    stored = Image.new("RGB", (160, 90), (120, 60, 30))  # stored landscape
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees when displayed: portrait 90 x 160
    path = tmp_path / "rotated.jpg"
    stored.save(path, exif=exif.tobytes())
    (prediction,) = Predictor(constant_bundle).predict_paths([path])
    assert prediction.box.as_tuple() == pytest.approx(_expected(90, 160), abs=1e-3)


def test_unreadable_file_gives_its_error_in_its_slot(constant_bundle, tmp_path):
    good = tmp_path / "good.png"
    Image.new("RGB", (30, 20)).save(good)
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not an image at all")
    results = Predictor(constant_bundle).predict_paths([bad, good, tmp_path / "missing.png"], batch_size=2)
    assert isinstance(results[0], PetlocError) and "bad.jpg" in str(results[0])
    assert isinstance(results[1], Prediction)
    assert results[1].box.as_tuple() == pytest.approx(_expected(30, 20), abs=1e-3)
    assert isinstance(results[2], PetlocError)


def test_grayscale_and_rgba_arrays_are_accepted(constant_bundle):
    gray = np.zeros((50, 40), np.uint8)
    rgba = np.zeros((50, 40, 4), np.uint8)
    predictions = Predictor(constant_bundle).predict_images([gray, rgba])
    assert [p.box.as_tuple() for p in predictions] == [pytest.approx(_expected(40, 50), abs=1e-3)] * 2
