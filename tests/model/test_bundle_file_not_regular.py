"""A bundle from a stranger whose model.tflite, refine.tflite, model.keras or meta.json is a named pipe, or a
link to /dev/zero: `petloc predict`, `evaluate`, `export` and the window waited for ever ("Loading model..."):
`tflite_cache.read_flatbuffer` and `bundle.sha256_and_size` opened the file (a FIFO blocks the open for a
writer that never comes) or read it to its end (/dev/zero has none; a model.tflite linked to it was read up to
2 GiB, then the bundle predicted as if nothing were wrong). Each such file is refused now, never waited on, in
one line ("model.tflite is not a regular file (a named pipe)")."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model import tflite_cache
from petloc_gui.model.bundle import BundleError, file_sha256, load_bundle, resolve_model
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.export_note import model_identity
from petloc_gui.model.lite_bundle import load_lite_predictor

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(120)]

SECONDS = 10.0  # each call returns in milliseconds; waiting on a pipe never does


def _unblock(fifo: Path) -> None:
    """End a reader's wait on ``fifo`` (a writer opens and closes it: the reader sees its end)."""
    with contextlib.suppress(OSError):  # no reader waits on it
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def returns_soon(call: Callable[[], Any], fifo: Path | None = None) -> Any:
    """What ``call()`` returns, or the exception it raised (as a value), failing the test where it is still
    running after `SECONDS` (its wait on ``fifo`` then ended, so the thread does not outlive the test)."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 - handed to the test to look at
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(SECONDS)
    if worker.is_alive():
        if fifo is not None:
            _unblock(fifo)
        pytest.fail(f"still running after {SECONDS:.0f} s: it waits on the file")
    return outcome[0]


def pets_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(resources_dir() / "models" / "pets", tmp_path / "pets"))


def with_fifo(folder: Path, name: str) -> Path:
    (folder / name).unlink()
    os.mkfifo(folder / name)
    return folder / name


@pytest.mark.parametrize("name", ["model.tflite", "refine.tflite", "model.keras"])
def test_a_bundle_file_that_is_a_named_pipe_is_refused_not_waited_on(tmp_path, name):
    folder = pets_copy(tmp_path)
    fifo = with_fifo(folder, name)
    assert returns_soon(lambda: load_lite_predictor(folder), fifo) is None  # the Keras load says why
    refused = returns_soon(lambda: load_bundle(folder), fifo)
    assert isinstance(refused, BundleError)
    assert f"{name} is not a regular file (a named pipe)" in str(refused)


def test_a_model_keras_that_is_a_named_pipe_is_not_hashed(tmp_path):
    folder = pets_copy(tmp_path)
    fifo = with_fifo(folder, "model.keras")
    for call in (lambda: file_sha256(fifo), lambda: model_identity(folder)):
        refused = returns_soon(call, fifo)
        assert isinstance(refused, OSError) and "not a regular file (a named pipe)" in str(refused)
    assert returns_soon(lambda: model_file_problem(folder), fifo) == "model.keras is not a regular file (a named pipe)"


def test_a_meta_json_that_is_a_named_pipe_is_said_to_be_one(tmp_path):
    folder = pets_copy(tmp_path)
    fifo = with_fifo(folder, "meta.json")
    refused = returns_soon(lambda: resolve_model(folder), fifo)
    assert isinstance(refused, BundleError) and "meta.json is not a regular file (a named pipe)" in str(refused)
    assert "missing" not in str(refused)  # "not a model bundle: meta.json is missing" before
    assert returns_soon(lambda: model_file_problem(folder), fifo) == "meta.json is not a regular file (a named pipe)"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_model_tflite_linked_to_dev_zero_is_not_read(tmp_path, monkeypatch):
    # a smaller cap than the 2 GiB one: the device read up to it shows in the memory taken, without 2 GB of it
    monkeypatch.setattr(tflite_cache, "MAX_TFLITE_BYTES", 16 << 20)
    folder = pets_copy(tmp_path)
    (folder / "model.tflite").unlink()
    (folder / "model.tflite").symlink_to("/dev/zero")
    tracemalloc.start()
    try:
        assert returns_soon(lambda: tflite_cache.read_flatbuffer(folder / "model.tflite")) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20  # 16 MB of zeros read before, then dropped as too large
    refused = returns_soon(lambda: load_bundle(folder))
    assert isinstance(refused, BundleError) and "model.tflite is not a regular file (a device)" in str(refused)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_model_keras_linked_to_dev_zero_is_not_hashed(tmp_path):
    folder = pets_copy(tmp_path)
    (folder / "model.keras").unlink()
    (folder / "model.keras").symlink_to("/dev/zero")
    refused = returns_soon(lambda: file_sha256(folder / "model.keras"))
    assert isinstance(refused, OSError) and "not a regular file (a device)" in str(refused)
    assert returns_soon(lambda: load_lite_predictor(folder)) is None
    refused = returns_soon(lambda: load_bundle(folder))
    assert isinstance(refused, BundleError) and "model.keras is not a regular file (a device)" in str(refused)
