"""A `petloc digits` canvas renamed since it was written still tells its digit: `DigitLookup.look_up`
finds it by its bytes (the record keeps each canvas's sha256), as the splits match images.
Before: by its name only, so a renamed canvas of a digit the current model learned lost the
comparison's and `petloc evaluate`'s "digit already learned" warning (hunt_rt 5)."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from petloc_gui.core.digits_record import DigitLookup, record_digits
from petloc_gui.model.canvas_digits import canvas_digits


def _canvases(folder):
    """Two recorded canvases (train 7, train 9); their paths and hashes."""
    images = []
    for name, shade in (("train_00000_digit5.png", 10), ("train_00001_digit3.png", 200)):
        image = folder / name
        Image.new("L", (8, 8), shade).save(image)
        images.append(image)
    record_digits(folder, {images[0].name: ("train", 7, images[0].read_bytes()),
                           images[1].name: ("train", 9, images[1].read_bytes())})
    return images, [hashlib.sha256(i.read_bytes()).hexdigest() for i in images]


def test_a_renamed_canvas_is_found_by_its_bytes(tmp_path):
    (first, _), (sha0, _) = _canvases(tmp_path)
    renamed = first.rename(tmp_path / "renamed_0.png")
    assert DigitLookup().look_up(renamed, lambda _: sha0) == ("train", 7)


def test_a_canvas_moved_onto_another_canvas_s_name_tells_its_own_digit(tmp_path):
    (first, second), (sha0, _) = _canvases(tmp_path)
    second.unlink()
    first.rename(second)  # train_00001_digit3.png now holds the bytes of digit 7's canvas
    assert DigitLookup().look_up(second, lambda _: sha0) == ("train", 7)


@pytest.mark.parametrize("sha256", ["0" * 64, None])
def test_bytes_of_no_recorded_canvas_hold_no_digit(tmp_path, sha256):
    _canvases(tmp_path)
    assert DigitLookup().look_up(tmp_path / "photo.png", lambda _: sha256) is None


def test_the_comparison_s_digit_reader_counts_a_renamed_canvas(tmp_path):
    # what the retrain comparison and training read (model.canvas_digits), with the hashes as read
    (first, second), (sha0, sha1) = _canvases(tmp_path)
    renamed = first.rename(tmp_path / "renamed_0.png")
    found = canvas_digits([("renamed_0.png", renamed, sha0), (second.name, second, sha1)])
    assert found.digits == {"renamed_0.png": ("train", 7), second.name: ("train", 9)}
    assert found.untold == {}
