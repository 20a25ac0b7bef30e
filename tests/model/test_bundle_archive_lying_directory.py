"""A model.keras whose central directory lies about an entry's packed size (says 20 MB where the file holds
64 KB) passes each entry's ratio, expanded against the packed size the directory claims; only the total held
against the file's own size on disk refuses it (`bundle.check_archive`). Deleting that check passed every
test before this one."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from petloc_gui.model.bundle import MAX_WEIGHTS_RATIO, BundleError, check_archive

WEIGHTS = "model.weights.h5"


def lying_archive(path: Path, claimed_size: int) -> Path:
    """A small model.keras (64 MB of zeros deflated, ~64 KB on disk) whose central directory entry for the
    weights says they expand to ``claimed_size`` from ``claimed_size / MAX_WEIGHTS_RATIO`` packed bytes: within
    the entry's ratio, far past what the file can hold."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("config.json", "{}")
        archive.writestr("metadata.json", "{}")
        archive.writestr(WEIGHTS, bytes(64 << 20))
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")  # the first central directory entry
    while data[entry + 46:entry + 46 + len(WEIGHTS)] != WEIGHTS.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<II", data, entry + 20, claimed_size // MAX_WEIGHTS_RATIO, claimed_size)
    path.write_bytes(bytes(data))
    return path


def test_a_directory_claiming_more_packed_bytes_than_the_file_holds_is_refused(tmp_path):
    lying = lying_archive(tmp_path / "model.keras", 1 << 30)
    on_disk = lying.stat().st_size
    with zipfile.ZipFile(lying) as archive:
        weights = archive.getinfo(WEIGHTS)
    assert weights.file_size == 1 << 30 and weights.compress_size > 100 * on_disk  # the lie as zipfile reads it
    with pytest.raises(BundleError, match=rf"model\.keras would expand to 1,073,741,8\d\d bytes from {on_disk:,}"):
        check_archive(lying)
