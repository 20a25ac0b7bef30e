"""`model.bundle.sha256_and_size` is the one read behind `file_sha256` and `image_files_record.sized_sha256`: the
hash meta.json records for an image and the hash the window's trained-here check compares it with must come from
the same loop, or a byte copy of a training image would not be found."""

from __future__ import annotations

import hashlib

import pytest

from petloc_gui.model.bundle import file_sha256, sha256_and_size
from petloc_gui.model.image_files_record import sized_sha256

BYTES = bytes(range(256)) * 5000  # over one read's 1 MiB chunk


def test_one_read_gives_the_hash_and_the_size_every_caller_records(tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(BYTES)
    expected = (hashlib.sha256(BYTES).hexdigest(), len(BYTES))
    assert sha256_and_size(image) == sized_sha256(image) == expected
    assert file_sha256(image) == expected[0]


def test_an_unreadable_file_raises_there_and_reads_as_none_in_the_record(tmp_path):
    with pytest.raises(OSError):
        sha256_and_size(tmp_path / "gone.jpg")
    assert sized_sha256(tmp_path / "gone.jpg") == (None, None)
