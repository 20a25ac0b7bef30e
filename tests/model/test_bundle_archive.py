"""Issue 12 point 9: a model.keras zip bomb fails fast, before Keras reads it."""

from __future__ import annotations

import json
import resource
import struct
import time
import zipfile
import zlib

import pytest

from petloc_gui.model.bundle import MAX_CONFIG_BYTES, BundleError, load_bundle


def _deflated_spaces(total: int) -> tuple[bytes, int]:
    """Raw deflate data of ``total`` spaces and its CRC-32, without compressing it all.

    A block compressed with a full flush is byte-aligned and refers to nothing
    before it, so repeating it gives a valid stream (as a zip bomb is made).
    """
    block = b" " * (16 << 20)
    assert total % len(block) == 0
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    data = one * (total // len(block)) + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(total // len(block)):
        crc = zlib.crc32(block, crc)
    return data, crc


def _zip_with_one_entry(path, name: str, data: bytes, crc: int, size: int) -> None:
    """A zip archive holding one deflated entry (written by hand: zipfile would recompress)."""
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                        len(encoded), 0) + encoded
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data),
                          size, len(encoded), 0, 0, 0, 0, 0, 0) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)


def _bundle_with_bomb(folder, config_bytes: int):
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32]}))
    data, crc = _deflated_spaces(config_bytes)
    _zip_with_one_entry(folder / "model.keras", "config.json", data, crc, config_bytes)
    return folder


def test_the_fixture_really_expands_to_what_it_declares(tmp_path):
    folder = _bundle_with_bomb(tmp_path / "small", 32 << 20)
    with zipfile.ZipFile(folder / "model.keras") as archive:
        assert archive.testzip() is None  # CRC and sizes are genuine
        assert len(archive.read("config.json")) == 32 << 20


@pytest.mark.timeout(300)
def test_config_expanding_to_a_gigabyte_fails_fast_with_low_memory(tmp_path):
    folder = _bundle_with_bomb(tmp_path / "bomb", 1 << 30)
    assert (folder / "model.keras").stat().st_size < 2 << 20  # about 1 MB on disk
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(BundleError) as info:
        load_bundle(folder)
    assert time.perf_counter() - start < 30  # generous: it takes milliseconds
    assert "config.json would expand" in str(info.value)
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 200 * 1024  # never near the 1 GB the archive expands to


def test_not_a_zip_fails_clearly(tmp_path):
    folder = _bundle_with_bomb(tmp_path / "b", 16 << 20)
    (folder / "model.keras").write_bytes(b"not a zip")
    with pytest.raises(BundleError, match="not a Keras archive"):
        load_bundle(folder)


@pytest.mark.parametrize("name", ["pets", "digits"])
def test_the_shipped_models_pass_the_archive_check(name):
    from petloc_gui.model.bundle import MODEL_FILE, check_archive, resolve_model

    try:
        folder = resolve_model(name)
    except BundleError:
        pytest.skip(f"the {name} bundle is not in this checkout")
    check_archive(folder / MODEL_FILE)  # real configs and weights are far inside the limits
    with zipfile.ZipFile(folder / MODEL_FILE) as archive:
        assert archive.getinfo("config.json").file_size < MAX_CONFIG_BYTES // 100
