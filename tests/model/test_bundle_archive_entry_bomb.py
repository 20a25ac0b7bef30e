"""A model.keras whose weights entry is the real weights followed by gigabytes of zeros, deflated (a 4.8 MB file
expanding to 3.8 GB), passed `bundle.check_archive`: its ratio was taken over the whole archive against 1000, and
Keras then read the entry whole (8 GB at its peak). Each entry is held to what a real one compresses to now (a
weights entry also to 256 MiB of zeros past it): weights barely compress (Keras stores them uncompressed), a JSON
config compresses tenfold or so."""

from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import WEIGHTS_ALLOWANCE_BYTES, BundleError, check_archive

pytestmark = pytest.mark.timeout(120)


def rewritten(source: Path, target: Path, zeros: int = 0, *, deflate_all: bool = False) -> Path:
    """``source`` (a Keras archive) copied entry by entry into ``target``: its weights entry followed by
    ``zeros`` zero bytes and random ones (so its end is no run of zeros), deflated; with ``deflate_all``, every
    entry deflated as it is (a real model recompressed by a zip tool)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename.endswith(".h5") and zeros:
                entry = zipfile.ZipInfo(info.filename)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with new.open(entry, "w", force_zip64=True) as out:
                    out.write(data)
                    block = bytes(16 << 20)
                    for _ in range(zeros // len(block)):
                        out.write(block)
                    out.write(os.urandom(64 * 1024))
            else:
                kind = zipfile.ZIP_DEFLATED if deflate_all else info.compress_type
                new.writestr(info.filename, data, compress_type=kind, compresslevel=9 if deflate_all else None)
    return target


def test_a_weights_entry_padded_with_zeros_is_refused_at_once(tmp_path):
    # past what zeros may add to a weights entry (a model of zero weights re-zipped loads): 512 MiB of them
    zeros = 2 * WEIGHTS_ALLOWANCE_BYTES
    bomb = rewritten(resources_dir() / "models" / "pets" / "model.keras", tmp_path / "model.keras", zeros)
    with zipfile.ZipFile(bomb) as archive:
        declared = sum(info.file_size for info in archive.infolist())
    assert declared > 100 * bomb.stat().st_size  # ~540 MB from ~1.7 MB on disk: under the archive-wide ratio
    start = time.perf_counter()
    with pytest.raises(BundleError, match=r"model\.keras: model\.weights\.h5 would expand to .* not loaded"):
        check_archive(bomb)
    assert time.perf_counter() - start < 1  # from the archive's directory: milliseconds


@pytest.mark.parametrize("path", ["pets/model.keras", "pets/refine.keras", "digits/model.keras"])
def test_the_shipped_models_pass_stored_and_recompressed(tmp_path, path):
    shipped = resources_dir() / "models" / path
    check_archive(shipped)  # as Keras writes them: stored
    check_archive(rewritten(shipped, tmp_path / Path(path).name, deflate_all=True))


def test_a_config_that_compresses_far_more_than_json_does_is_refused(tmp_path):
    shipped = resources_dir() / "models" / "digits" / "model.keras"
    padded = shutil.copy(shipped, tmp_path / "model.keras")
    with zipfile.ZipFile(shipped) as old, zipfile.ZipFile(padded, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "config.json":
                data = data[:-1] + b" " * (16 << 20) + data[-1:]  # 16 MB of spaces inside the JSON
            new.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(BundleError, match=r"config\.json would expand to"):
        check_archive(Path(padded))
