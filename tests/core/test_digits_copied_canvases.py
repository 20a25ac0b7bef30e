"""`petloc digits` canvases copied (or merged) out of the folder that holds their `petloc-digits.json`:
named as canvases (`canvas_name`, the name `petloc digits` writes), but no record beside them says which
MNIST digit they hold. `DigitLookup.look_up` calls their digit untold (`NO_RECORD`, `EMPTY_RECORD`).
Before: a folder with no record was taken for a folder of no canvas, and each copied canvas for a
held-out image (`petloc evaluate` said "complete" of canvases of digits the model learned)."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import (
    EMPTY_RECORD,
    NO_RECORD,
    RECORD_NAME,
    DigitLookup,
    DigitsRecordError,
    canvas_name,
    is_canvas_name,
)
from petloc_gui.core.voc import read_voc


def _sha256(image):
    return hashlib.sha256(image.read_bytes()).hexdigest()


@pytest.mark.parametrize("split", ["train", "test"])
def test_the_names_petloc_digits_writes_are_canvas_names(tmp_path, split):
    images = write_digits_dataset(tmp_path, split, count=12, seed=1)
    labels = [int(read_voc(image.with_suffix(".xml")).objects[0].name) for image in images]  # each canvas's class
    assert sorted(set(labels)) == list(range(10))  # every class, so every name's form
    assert [image.name for image in images] == [canvas_name(split, n, label) for n, label in enumerate(labels)]
    assert all(is_canvas_name(image.name) for image in images)


@pytest.mark.parametrize("name", ["photo.png", "train_00001.png", "a_train_00003_digit0.png", "train_00000_digit0.xml",
                                  "train_00000_digit0.png.bak", "valid_00000_digit0.png", "train_0001_digit0.png",
                                  "train_00000_digit10.png"])
def test_other_names_are_no_canvas_names(name):
    assert not is_canvas_name(name)


def _cannot_tell(image):
    with pytest.raises(DigitsRecordError) as raised:
        DigitLookup().look_up(image, lambda _: _sha256(image))
    return raised.value.path, raised.value.reason


def test_canvases_copied_without_their_record_are_untold_and_the_others_hold_no_digit(tmp_path):
    images = write_digits_dataset(tmp_path / "dg", "train", count=3, seed=2)
    copied = tmp_path / "copied"
    copied.mkdir()
    for image in images:
        shutil.copy(image, copied / image.name)
    shutil.copy(images[0], copied / "photo.png")  # a canvas renamed out of the names: nothing tells it
    assert _cannot_tell(copied / images[0].name) == (copied / RECORD_NAME, NO_RECORD)
    assert DigitLookup().look_up(copied / "photo.png", lambda _: _sha256(copied / "photo.png")) is None
    # where they were written, their record tells them, as before
    assert DigitLookup().look_up(images[0], lambda _: _sha256(images[0])) is not None
    (copied / RECORD_NAME).write_text(json.dumps({"images": {}}), encoding="utf-8")  # a record of no canvas
    assert _cannot_tell(copied / images[1].name) == (copied / RECORD_NAME, EMPTY_RECORD)
