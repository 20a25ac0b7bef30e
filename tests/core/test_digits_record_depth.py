"""A folder's `petloc digits` record nested thousands deep reads as no record, never a crash.

It is a data-folder file anyone can edit; `petloc evaluate`, `petloc digits` and the retrain comparison
read it, and a file of '[' crashed them with RecursionError ("petloc: unexpected error").
"""

import hashlib

from PIL import Image

from petloc_gui.core.digits_record import RECORD_NAME, DigitLookup, record_digits


def test_a_record_nested_too_deep_is_no_record_and_is_replaced(tmp_path):
    (tmp_path / RECORD_NAME).write_text("[" * 100_000, encoding="utf-8")
    image = tmp_path / "train_00000_digit5.png"
    Image.new("L", (8, 8)).save(image)
    assert DigitLookup().digit(image, "0" * 64) is None
    record_digits(tmp_path, {image.name: ("train", 7, image.read_bytes())})  # writes a readable record
    assert DigitLookup().digit(image, hashlib.sha256(image.read_bytes()).hexdigest()) == ("train", 7)
