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
in ``runner.fallbacks``). The runners live in `model.runners`; where a
flatbuffer comes from (file, cache, conversion), in `model.tflite_cache`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np

from petloc_gui.model import export as _export
from petloc_gui.model.export import (  # noqa: F401 - TFLITE_FILENAME: runtime.TFLITE_FILENAME stays importable
    TFLITE_FILENAME,
    input_shape_of,
    output_roles,
)
from petloc_gui.model.runners import FunctionRunner, Runner, TfliteRunner
from petloc_gui.model.tflite_cache import cache_tflite, tflite_candidates
from petloc_gui.model.untyped import KerasModel

TOLERANCE = 1e-4
PREFERENCES = ("auto", "tflite", "tf.function", "xla")


def write_tflite(keras_model: KerasModel, path: str | os.PathLike[str]) -> Path:
    """Convert ``keras_model`` and write the flatbuffer atomically to ``path`` (e.g. a bundle's
    ``model.tflite``); `make_runner(..., tflite_path=path)` then starts without converting."""
    return _export.export_tflite(keras_model, path)


def _verify(runner: Runner, keras_model: KerasModel, reference: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    """Raise ValueError if ``runner`` disagrees with the Keras model on ``reference`` input."""
    batch, want_probs, want_boxes = reference
    for rows in (batch[:1], batch):  # batch 1 and batch N take different paths in TFLite
        probs, boxes = runner(rows)
        n = len(rows)
        diff = max(float(np.max(np.abs(probs - want_probs[:n]))), float(np.max(np.abs(boxes - want_boxes[:n]))))
        if not diff <= TOLERANCE:
            raise ValueError(f"{runner.name} differs from Keras by {diff:.2e} (> {TOLERANCE:g})")


def verify_tflite(content: bytes, keras_model: KerasModel) -> None:
    """Raise ValueError unless the flatbuffer ``content`` gives ``keras_model``'s outputs within `TOLERANCE`:
    `make_runner`'s own check (random input, batch 1 and batch 3), the one `model.tflite_provenance` runs
    before it records a bundle's .tflite as fit to run without TensorFlow."""
    _verify(TfliteRunner(content), keras_model, _reference(keras_model))


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
    ``cache``: read/write converted models in `tflite_cache.tflite_cache_dir()`.
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
            for source, content in tflite_candidates(keras_model, tflite_path, cache, convert):
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
