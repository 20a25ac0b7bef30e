"""Where a runner's TFLite flatbuffer comes from: a bundle's ``model.tflite``, else the per-user cache
of converted models (keyed by the model's architecture, weights and TensorFlow version), else a
conversion on request (seconds; the result is cached). A file too large to be a flatbuffer, or one
that cannot be read, counts as absent; the cache is best effort and keeps the `CACHE_KEEP` newest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.paths import user_data_dir
from petloc_gui.core.regular_file import read_regular_file
from petloc_gui.model import export as _export
from petloc_gui.model.untyped import KerasModel

CACHE_KEEP = 16  # converted models kept in the user cache

_log = logging.getLogger(__name__)


def model_fingerprint(keras_model: KerasModel) -> str:
    """A hex digest of the model's architecture, weights and the TensorFlow version."""
    import tensorflow as tf

    digest = hashlib.sha256(tf.__version__.encode())
    try:
        digest.update(json.dumps(json.loads(keras_model.to_json()), sort_keys=True).encode())
    except Exception:  # noqa: BLE001 - a subclassed model without a config: weights and shapes still identify it
        digest.update(type(keras_model).__qualname__.encode())
    for weight in keras_model.weights:
        value = np.asarray(weight.numpy())
        digest.update(f"{weight.path}:{value.dtype}:{value.shape}".encode())
        digest.update(np.ascontiguousarray(value).tobytes())
    return digest.hexdigest()


def tflite_cache_dir() -> Path:
    """Per-user folder of converted models (never inside the bundled resources)."""
    return user_data_dir() / "cache" / "tflite"


# A flatbuffer's offsets are 32-bit: no model.tflite is larger. A larger file (corrupt, or not a
# model) is not read into memory: the model is converted instead, as when there is none.
MAX_TFLITE_BYTES = 2**31


def read_flatbuffer(path: Path) -> bytes | None:
    """The file's bytes; None when it is missing, unreadable, no regular file or larger than any flatbuffer
    (also if it grew so while read).

    A bundle from a stranger may hold a named pipe as its model.tflite (a plain open waits for ever for a
    writer) or a link to /dev/zero (2 GiB read, then dropped): `read_regular_file` never waits on one and reads
    only a regular file, by its size (the bundle's loader refuses such a bundle in its own words:
    `bundle.load_bundle`)."""
    try:
        return read_regular_file(path, MAX_TFLITE_BYTES)
    except OSError:  # NotRegularFileError and FileTooLargeError are OSErrors
        return None


def _prune_cache(folder: Path) -> None:
    with contextlib.suppress(OSError):
        files = sorted(folder.glob("*.tflite"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[CACHE_KEEP:]:
            old.unlink()


def _store_in_cache(path: Path, content: bytes) -> None:
    # Best effort: a read-only or full disk only costs the next start a conversion.
    with contextlib.suppress(Exception):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, content)
        _prune_cache(path.parent)


def tflite_candidates(keras_model: KerasModel, tflite_path: str | os.PathLike[str] | None, cache: bool,
                       convert: bool) -> Iterator[tuple[str, bytes]]:
    """Yield (source, flatbuffer bytes): the given file, the cache, then a fresh conversion."""
    if tflite_path is not None:
        content = read_flatbuffer(Path(tflite_path))
        if content:
            yield f"file {tflite_path}", content
    cache_file = tflite_cache_dir() / f"{model_fingerprint(keras_model)}.tflite" if cache else None
    if cache_file is not None:
        content = read_flatbuffer(cache_file)
        if content:
            yield "cache", content
    if not convert:
        raise LookupError("no converted model.tflite matches this model "
                          "(make_runner(convert=True) or write_tflite makes one)")
    _log.info("converting the model to TFLite (once: the result is cached)")
    content = _export.tflite_bytes(keras_model)
    if cache_file is not None:
        _store_in_cache(cache_file, content)
    yield "conversion", content



def cache_tflite(keras_model: KerasModel) -> Path:
    """Convert ``keras_model`` into the per-user cache (if not there yet); returns the file."""
    path = tflite_cache_dir() / f"{model_fingerprint(keras_model)}.tflite"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _export.tflite_bytes(keras_model))
        _prune_cache(path.parent)
    return path
