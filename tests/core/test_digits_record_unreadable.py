"""A folder's `petloc-digits.json` that cannot be read is told apart from no record at all: `DigitLookup`
`look_up` raises for its canvases, whose digits cannot be told, naming the record and why.
Before: any such record read as none, and every canvas of its folder as holding no digit."""

from __future__ import annotations

import hashlib
import json

import pytest
from PIL import Image

from petloc_gui.core.digits_record import (
    NO_RECORD,
    NOT_RECORDED,
    RECORD_NAME,
    DigitLookup,
    DigitsRecordError,
    record_digits,
)


def _canvas(folder, name="train_00000_digit5.png", index=7):
    image = folder / name
    Image.new("L", (8, 8)).save(image)
    record_digits(folder, {image.name: ("train", index, image.read_bytes())})
    return image, hashlib.sha256(image.read_bytes()).hexdigest()


def _cannot_tell(lookup, image, sha256):
    """(record, why) of the `DigitsRecordError` ``lookup`` raises for ``image``."""
    with pytest.raises(DigitsRecordError) as raised:
        lookup.look_up(image, lambda _: sha256)
    return raised.value.path, raised.value.reason


def test_a_readable_record_tells_and_no_record_is_no_canvas_but_a_canvas_s_name_is_untold(tmp_path):
    image, sha256 = _canvas(tmp_path)
    lookup = DigitLookup()
    assert lookup.look_up(image, lambda _: sha256) == ("train", 7)
    # replaced bytes under a canvas's name: another canvas, of any digit (tests/core/test_digits_merged_canvases.py)
    assert _cannot_tell(lookup, image, "0" * 64) == (tmp_path / RECORD_NAME, NOT_RECORDED)
    assert lookup.look_up(image, lambda _: None) == ("train", 7)  # bytes unknown: its name's entry tells
    assert lookup.look_up(tmp_path / "photo.png", lambda _: "1" * 64) is None  # no canvas's bytes
    assert lookup.look_up(tmp_path / "photo.png", lambda _: None) is None
    (tmp_path / RECORD_NAME).unlink()
    assert DigitLookup().look_up(tmp_path / "photo.png", lambda _: "1" * 64) is None  # no record: no canvas
    # but one named as petloc digits names its canvases (copied without their record) may hold any digit
    assert _cannot_tell(DigitLookup(), image, sha256) == (tmp_path / RECORD_NAME, NO_RECORD)


@pytest.mark.parametrize(("content", "why"), [
    (b"not json", "cannot be read: not JSON (Expecting value, line 1 column 1)"),
    (b'{"images": []}', 'cannot be read: not a petloc digits record (no "images" object)'),
    (b"\xff\xfe", "cannot be read: not UTF-8 text"),
    (b"[" * 100_000, "cannot be read: nested deeper than any petloc digits record; not read"),
])
def test_a_record_that_cannot_be_read_is_named_with_why(tmp_path, content, why):
    image, sha256 = _canvas(tmp_path)
    (tmp_path / RECORD_NAME).write_bytes(content)
    lookup = DigitLookup()
    assert _cannot_tell(lookup, image, sha256) == (tmp_path / RECORD_NAME, why)
    (tmp_path / RECORD_NAME).unlink()  # read once: the same answer for the folder's other canvases
    assert _cannot_tell(lookup, tmp_path / "train_00001_digit3.png", None) == (tmp_path / RECORD_NAME, why)


@pytest.mark.parametrize("entry", [None, "train 7", {"split": "train", "mnist_index": True, "sha256": "x"},
                                   {"split": "train", "mnist_index": -1, "sha256": "x"},
                                   {"split": 1, "mnist_index": 7, "sha256": "x"}, {"split": "train", "mnist_index": 7}])
def test_an_entry_that_names_no_digit_is_unknown_and_the_others_still_tell(tmp_path, entry):
    image, sha256 = _canvas(tmp_path)
    other, other_sha256 = _canvas(tmp_path, "train_00001_digit3.png", 9)
    record = json.loads((tmp_path / RECORD_NAME).read_text(encoding="utf-8"))
    record["images"][image.name] = entry
    (tmp_path / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
    lookup = DigitLookup()
    assert lookup.look_up(other, lambda _: other_sha256) == ("train", 9)
    record, why = _cannot_tell(lookup, image, sha256)
    assert record == tmp_path / RECORD_NAME
    assert why == 'its entry for "train_00000_digit5.png" is not a canvas\'s split, mnist_index and sha256'


def test_a_huge_record_is_refused_by_its_size_unread(tmp_path, monkeypatch):
    from petloc_gui.core import digits_record, json_record

    image, sha256 = _canvas(tmp_path)
    monkeypatch.setattr(digits_record, "MAX_RECORD_BYTES", 100)
    monkeypatch.setattr(json_record, "read_json_record", lambda path: pytest.fail(f"{path} was read"))
    record, why = _cannot_tell(DigitLookup(), image, sha256)
    assert record == tmp_path / RECORD_NAME
    assert "larger than any petloc digits record (100 bytes at most); not read" in why
