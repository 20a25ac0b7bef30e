"""Issue 12 point 9: a model.keras zip bomb fails fast, before Keras reads it."""

from __future__ import annotations

import json
import resource
import time
import zipfile

import pytest

from petloc_gui.model.bundle import MAX_CONFIG_BYTES, BundleError, load_bundle


def _bundle_with_bomb(folder, config_bytes: int):
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({
        "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32]}))
    with zipfile.ZipFile(folder / "model.keras", "w", compression=zipfile.ZIP_DEFLATED,
                         compresslevel=9) as archive:
        archive.writestr("metadata.json", "{}")
        with archive.open("config.json", "w", force_zip64=True) as entry:
            block = b" " * (16 << 20)
            for _ in range(config_bytes // len(block)):
                entry.write(block)
    return folder


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
    folder = _bundle_with_bomb(tmp_path / "b", 0)
    (folder / "model.keras").write_bytes(b"not a zip")
    with pytest.raises(BundleError, match="not a Keras archive"):
        load_bundle(folder)


def test_config_limit_is_far_above_real_configs():
    assert MAX_CONFIG_BYTES >= 1 << 20
