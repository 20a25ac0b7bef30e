"""A folder's `petloc digits` record nested thousands deep is a record that cannot be read, never a crash,
and never replaced.

It is a data-folder file anyone can edit; `petloc evaluate`, `petloc digits` and the retrain comparison
read it, and a file of '[' crashed them with RecursionError ("petloc: unexpected error"). Then it read as
no record and `petloc digits` replaced it, its other canvases' digits lost unsaid: it is kept now.
"""

import hashlib

import pytest
from PIL import Image

from petloc_gui.core.digits_record import RECORD_NAME, DigitLookup, DigitsRecordError, record_digits


def test_a_record_nested_too_deep_cannot_be_read_and_is_not_replaced(tmp_path):
    (tmp_path / RECORD_NAME).write_text("[" * 100_000, encoding="utf-8")
    image = tmp_path / "train_00000_digit5.png"
    Image.new("L", (8, 8)).save(image)
    with pytest.raises(DigitsRecordError) as raised:
        DigitLookup().look_up(image, lambda _: "0" * 64)
    assert (raised.value.path, raised.value.reason) == (
        tmp_path / RECORD_NAME, "cannot be read: nested deeper than any petloc digits record; not read")
    with pytest.raises(DigitsRecordError, match="so it is not replaced"):
        record_digits(tmp_path, {image.name: ("train", 7, image.read_bytes())})
    assert (tmp_path / RECORD_NAME).read_text(encoding="utf-8") == "[" * 100_000
    (tmp_path / RECORD_NAME).unlink()  # moved away: the canvas is recorded anew
    record_digits(tmp_path, {image.name: ("train", 7, image.read_bytes())})
    sha256 = hashlib.sha256(image.read_bytes()).hexdigest()
    assert DigitLookup().look_up(image, lambda _: sha256) == ("train", 7)
