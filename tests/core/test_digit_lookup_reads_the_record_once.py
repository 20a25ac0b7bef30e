"""`DigitLookup` tells a folder whose `petloc-digits.json` is not there (`NO_RECORD`) from one whose record holds
no canvas (`EMPTY_RECORD`) by the one read it makes of the record.

Before, a canvas-named image in a folder whose record was read as none made it look at the record's file a
second time: two looks where one does, and a record written between the two was called one of no canvas
(`EMPTY_RECORD`) though it was never read and recorded the very canvas looked up.
"""

from __future__ import annotations

import hashlib
import os

import pytest

from petloc_gui.core import digits_record
from petloc_gui.core.digits_record import (
    EMPTY_RECORD,
    NO_RECORD,
    RECORD_NAME,
    DigitLookup,
    DigitsRecordError,
    canvas_name,
    record_digits,
)

PNG = b"\x89PNG\r\n\x1a\n not decoded here"  # the lookup hashes the bytes, never decodes them


def _canvas(folder, number=0):
    folder.mkdir(exist_ok=True)
    image = folder / canvas_name("train", number, 7)
    image.write_bytes(PNG + bytes([number]))
    return image


def _sha256(image):
    return hashlib.sha256(image.read_bytes()).hexdigest()


def _reason(lookup, image):
    with pytest.raises(DigitsRecordError) as raised:
        lookup.look_up(image, _sha256)
    return raised.value.reason


@pytest.fixture
def record_looks(monkeypatch):
    """The paths of `RECORD_NAME` files asked about (os.stat: a read's first step, and Path.exists)."""
    looks = []
    stat = os.stat

    def counted(path, *args, **kwargs):
        if os.fspath(path).endswith(RECORD_NAME):
            looks.append(os.fspath(path))
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counted)
    return looks


@pytest.mark.parametrize("empty_record", [False, True])
def test_a_folder_s_record_is_looked_at_once(tmp_path, record_looks, empty_record):
    folder = tmp_path / "copied"
    images = [_canvas(folder, n) for n in range(3)]
    if empty_record:
        (folder / RECORD_NAME).write_text('{"images": {}}\n', encoding="utf-8")
    lookup = DigitLookup()
    assert [_reason(lookup, image) for image in images] == [EMPTY_RECORD if empty_record else NO_RECORD] * 3
    assert record_looks == [str(folder / RECORD_NAME)]


def test_a_record_written_after_the_read_is_not_called_one_of_no_canvas(tmp_path):
    folder = tmp_path / "copied"
    canvas = _canvas(folder)
    photo = folder / "photo.png"  # named as no canvas: no record, no digit
    photo.write_bytes(PNG)
    lookup = DigitLookup()
    assert lookup.look_up(photo, _sha256) is None  # the folder's record read: not there
    record_digits(folder, {canvas.name: ("train", 5, canvas.read_bytes())})  # (written since: not read)
    assert digits_record.recorded_images(folder / RECORD_NAME)  # it records a canvas, the one looked up next
    assert _reason(lookup, canvas) == NO_RECORD  # as read: before, "it records no canvas" of this record
