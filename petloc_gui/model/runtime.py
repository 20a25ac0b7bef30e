"""Fast inference for a petloc model: pick the fastest runtime that gives the same outputs.

`make_runner(model)` returns a callable taking a float32 batch [N, H, W, C] at
the model's input size (RGB 0..255: preprocessing is inside the model) and
returning ``(probabilities [N, C], boxes [N, 4])`` as numpy arrays.

Candidates, fastest first on a small CPU (see benchmarks/inference.md):

- ``tflite-xnnpack``: the model converted to TFLite, run by the TFLite
  interpreter with its XNNPACK CPU delegate. Converting takes seconds, so the
  flatbuffer is read from ``tflite_path`` (a bundle's ``model.tflite``) or from
  a per-user cache keyed by the model's architecture and weights, and only
  converted on request (``convert=True``).
- ``tf.function``: the Keras model traced once with a fixed input signature.
- ``tf.function+xla``: the same with ``jit_compile=True`` (only on request:
  it was slower than plain tf.function for MobileNet on CPU).

Every candidate is checked against the Keras model on random input when it is
built; one that differs by more than `TOLERANCE` is skipped (the reason is kept
in ``runner.fallbacks``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.paths import user_data_dir
from petloc_gui.model import export as _export
from petloc_gui.model.export import (  # noqa: F401 - TFLITE_FILENAME: runtime.TFLITE_FILENAME stays importable
    BOX,
    PROBABILITIES,
    TFLITE_FILENAME,
    TFLITE_INPUT,
    input_shape_of,
    output_roles,
)
from petloc_gui.model.untyped import KerasModel, Tensor

TFLITE_SIGNATURE = "serve_float"
TOLERANCE = 1e-4
PREFERENCES = ("auto", "tflite", "tf.function", "xla")
CACHE_KEEP = 16  # converted models kept in the user cache
# Bigger batches are split: activations of 8 pets images still fit the CPU caches,
# batch 32 was slower per image than batch 8 (benchmarks/inference.md).
MAX_TFLITE_BATCH = 8
_INTERPRETERS_KEPT = 3  # one per recent batch size; re-allocating costs ~20 ms

_log = logging.getLogger(__name__)


class Runner:
    """Callable ``(batch float32 [N, H, W, C]) -> (probabilities [N, C], boxes [N, 4])``."""

    name = "runner"

    def __init__(self, input_shape: tuple[int, int, int], n_classes: int) -> None:
        self.input_shape = input_shape
        self.n_classes = n_classes
        self.fallbacks: list[str] = []  # why faster candidates were not used
        self.source = "keras model"  # where a TFLite runner's flatbuffer came from

    def __call__(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        batch = self._checked(batch)
        if len(batch) == 0:
            return np.zeros((0, self.n_classes), np.float32), np.zeros((0, 4), np.float32)
        return self._run(batch)

    def _checked(self, batch: ArrayLike) -> np.ndarray:
        array = np.asarray(batch)
        if array.ndim == 3:
            raise ValueError(f"expected a batch [N, {', '.join(map(str, self.input_shape))}]; "
                             f"got one image {array.shape}")
        if array.ndim != 4 or tuple(array.shape[1:]) != self.input_shape:
            raise ValueError(f"expected a batch [N, {', '.join(map(str, self.input_shape))}]; got {array.shape}")
        return np.ascontiguousarray(array, dtype=np.float32)

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} input={self.input_shape} classes={self.n_classes}>"


class FunctionRunner(Runner):
    """The Keras model traced once as a ``tf.function`` (optionally XLA-compiled)."""

    def __init__(self, keras_model: KerasModel, *, jit_compile: bool = False) -> None:
        import tensorflow as tf

        probs_at, box_at = output_roles(keras_model)
        super().__init__(input_shape_of(keras_model), int(keras_model.outputs[probs_at].shape[-1]))
        self.name = "tf.function+xla" if jit_compile else "tf.function"
        spec = tf.TensorSpec([None, *self.input_shape], tf.float32)

        def forward(images: Tensor) -> tuple[Tensor, Tensor]:
            out = keras_model(images, training=False)
            return out[probs_at], out[box_at]

        self._fn = tf.function(forward, input_signature=[spec], jit_compile=jit_compile, reduce_retracing=True)

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, boxes = self._fn(batch)
        return probs.numpy(), boxes.numpy()


def _interpreter_class() -> Any:
    """LiteRT's interpreter when installed, else TensorFlow's (deprecated but present in TF 2.21)."""
    try:
        from ai_edge_litert.interpreter import Interpreter  # type: ignore[import-not-found]

        return Interpreter
    except ImportError:
        import tensorflow as tf

        return tf.lite.Interpreter


class _Slot:
    """One interpreter allocated for one batch size, with its tensor indices."""

    def __init__(self, content: bytes, batch_size: int, num_threads: int) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tf.lite.Interpreter's deprecation notice
            self.interpreter = _interpreter_class()(model_content=content, num_threads=num_threads)
        signature = self.interpreter.get_signature_runner(TFLITE_SIGNATURE)
        inputs, outputs = signature.get_input_details(), signature.get_output_details()
        del signature  # it holds views of the tensors, which would forbid resizing them
        self.input_index = inputs[TFLITE_INPUT]["index"]
        self.probs_index = outputs[PROBABILITIES]["index"]
        self.box_index = outputs[BOX]["index"]
        shape = list(inputs[TFLITE_INPUT]["shape"])
        self.interpreter.resize_tensor_input(self.input_index, [batch_size, *shape[1:]])
        self.interpreter.allocate_tensors()
        height, width, channels = (int(d) for d in shape[1:])  # NHWC: the exported model's input
        self.input_shape = (height, width, channels)
        self.n_classes = int(outputs[PROBABILITIES]["shape"][-1])

    def run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        self.interpreter.set_tensor(self.input_index, batch)
        self.interpreter.invoke()
        return self.interpreter.get_tensor(self.probs_index), self.interpreter.get_tensor(self.box_index)


def default_threads() -> int:
    """Interpreter threads: the cores this process may use, at most 4. On the 2-core machine
    2 threads gave 3.1 ms per photo end-to-end, 1 thread 3.9 ms (benchmarks/inference.md)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


class TfliteRunner(Runner):
    """A TFLite flatbuffer (from `export.tflite_bytes`) run with XNNPACK; thread-safe."""

    name = "tflite-xnnpack"

    def __init__(self, content: bytes, num_threads: int | None = None) -> None:
        self._content = content
        self._threads = num_threads or default_threads()
        self._slots: OrderedDict[int, _Slot] = OrderedDict()
        self._lock = threading.Lock()  # an interpreter must not be invoked by two threads at once
        first = self._slot(1)
        super().__init__(first.input_shape, first.n_classes)

    def _slot(self, batch_size: int) -> _Slot:
        slot = self._slots.get(batch_size)
        if slot is None:
            slot = _Slot(self._content, batch_size, self._threads)
            self._slots[batch_size] = slot
            while len(self._slots) > _INTERPRETERS_KEPT:
                self._slots.popitem(last=False)
        self._slots.move_to_end(batch_size)
        return slot

    def _run(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        probs, boxes = [], []
        with self._lock:
            for start in range(0, len(batch), MAX_TFLITE_BATCH):
                chunk = batch[start : start + MAX_TFLITE_BATCH]
                p, b = self._slot(len(chunk)).run(chunk)
                probs.append(p)
                boxes.append(b)
        if len(probs) == 1:
            return probs[0], boxes[0]
        return np.concatenate(probs), np.concatenate(boxes)


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


def write_tflite(keras_model: KerasModel, path: str | os.PathLike[str]) -> Path:
    """Convert ``keras_model`` and write the flatbuffer atomically to ``path`` (e.g. a bundle's
    ``model.tflite``); `make_runner(..., tflite_path=path)` then starts without converting."""
    return _export.export_tflite(keras_model, path)


# A flatbuffer's offsets are 32-bit: no model.tflite is larger. A larger file (corrupt, or not a
# model) is not read into memory: the model is converted instead, as when there is none.
MAX_TFLITE_BYTES = 2**31


def _read_bytes(path: Path) -> bytes | None:
    try:
        if path.stat().st_size > MAX_TFLITE_BYTES:
            return None
        with open(path, "rb") as handle:
            content = handle.read(MAX_TFLITE_BYTES + 1)  # bounded even if it grew since
    except OSError:
        return None
    return content if len(content) <= MAX_TFLITE_BYTES else None


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


def _tflite_candidates(keras_model: KerasModel, tflite_path: str | os.PathLike[str] | None, cache: bool,
                       convert: bool) -> Iterator[tuple[str, bytes]]:
    """Yield (source, flatbuffer bytes): the given file, the cache, then a fresh conversion."""
    if tflite_path is not None:
        content = _read_bytes(Path(tflite_path))
        if content:
            yield f"file {tflite_path}", content
    cache_file = tflite_cache_dir() / f"{model_fingerprint(keras_model)}.tflite" if cache else None
    if cache_file is not None:
        content = _read_bytes(cache_file)
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


def _verify(runner: Runner, keras_model: KerasModel, reference: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    """Raise ValueError if ``runner`` disagrees with the Keras model on ``reference`` input."""
    batch, want_probs, want_boxes = reference
    for rows in (batch[:1], batch):  # batch 1 and batch N take different paths in TFLite
        probs, boxes = runner(rows)
        n = len(rows)
        diff = max(float(np.max(np.abs(probs - want_probs[:n]))), float(np.max(np.abs(boxes - want_boxes[:n]))))
        if not diff <= TOLERANCE:
            raise ValueError(f"{runner.name} differs from Keras by {diff:.2e} (> {TOLERANCE:g})")


def _reference(keras_model: KerasModel, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    height, width, channels = input_shape_of(keras_model)
    batch = np.random.default_rng(seed).uniform(0, 255, (3, height, width, channels)).astype(np.float32)
    out = keras_model(batch, training=False)
    probs_at, box_at = output_roles(keras_model)
    return batch, np.asarray(out[probs_at]), np.asarray(out[box_at])


def make_runner(
    keras_model: KerasModel,
    prefer: str = "auto",
    *,
    tflite_path: str | os.PathLike[str] | None = None,
    cache: bool = True,
    convert: bool = False,
    num_threads: int | None = None,
) -> Runner:
    """The fastest runner for ``keras_model`` whose outputs match it within `TOLERANCE`.

    ``prefer``: ``"auto"`` or ``"tflite"`` (TFLite+XNNPACK, else tf.function),
    ``"xla"`` (tf.function+XLA, else tf.function), ``"tf.function"``.
    ``tflite_path``: a converted model to try first (a bundle's ``model.tflite``);
    ``cache``: read/write converted models in `tflite_cache_dir()`.
    ``convert``: convert now when neither file nor cache has a matching model.
    Off by default: converting takes 8-30 s (more than tf.function needs for a
    thousand images) and holds the GIL for seconds at a time, which would
    freeze a GUI; bundles carry ``model.tflite`` (`write_tflite`) instead, and
    ``python -m petloc_gui.model.runtime SPEC`` fills the cache from outside.
    A missing or stale ``tflite_path`` never gives a wrong answer.
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"unknown runtime {prefer!r}; choose one of {', '.join(PREFERENCES)}")
    reference = _reference(keras_model)
    fallbacks: list[str] = []

    def accepted(build: Callable[[], Runner]) -> Runner | None:
        try:
            runner = build()
            _verify(runner, keras_model, reference)
        except Exception as exc:  # noqa: BLE001 - any failure of a fast path means: use the next one
            fallbacks.append(f"{type(exc).__name__}: {exc}".strip()[:300])
            return None
        runner.fallbacks = list(fallbacks)
        return runner

    if prefer in ("auto", "tflite"):
        try:
            for source, content in _tflite_candidates(keras_model, tflite_path, cache, convert):
                runner = accepted(partial(TfliteRunner, content, num_threads))
                if runner is not None:
                    runner.source = source
                    return runner
                fallbacks[-1] = f"tflite from {source}: {fallbacks[-1]}"
        except Exception as exc:  # noqa: BLE001 - the conversion failed or was not allowed
            fallbacks.append(f"tflite conversion: {type(exc).__name__}: {exc}"[:300])
    if prefer == "xla":
        runner = accepted(lambda: FunctionRunner(keras_model, jit_compile=True))
        if runner is not None:
            return runner
    runner = FunctionRunner(keras_model)
    runner.fallbacks = fallbacks
    return runner


def cache_tflite(keras_model: KerasModel) -> Path:
    """Convert ``keras_model`` into the per-user cache (if not there yet); returns the file."""
    path = tflite_cache_dir() / f"{model_fingerprint(keras_model)}.tflite"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, _export.tflite_bytes(keras_model))
        _prune_cache(path.parent)
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m petloc_gui.model.runtime SPEC...``: convert bundles into the cache."""
    import argparse

    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.quiet_import import import_tensorflow_quietly

    parser = argparse.ArgumentParser(prog="python -m petloc_gui.model.runtime", description=main.__doc__)
    parser.add_argument("specs", nargs="+", metavar="SPEC", help='"pets", "digits" or a bundle folder')
    args = parser.parse_args(argv)
    try:
        import_tensorflow_quietly()  # as the petloc commands: ~20 lines of TensorFlow's C++ logging otherwise
    except OSError as exc:  # no writable temporary folder: its message says what to do
        print(f"python -m petloc_gui.model.runtime: {exc}", file=sys.stderr)
        return 1
    status = 0
    for spec in args.specs:
        try:
            print(cache_tflite(load_bundle(spec).model), flush=True)
        except Exception as exc:  # noqa: BLE001 - one bad bundle must not stop the others
            print(f"{spec}: cannot convert: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
