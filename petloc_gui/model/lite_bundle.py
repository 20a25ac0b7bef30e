"""A bundle's predictions without TensorFlow or Keras: its own .tflite files run by LiteRT (the window's way).

TensorFlow's import holds the GIL for seconds: the window froze 1-5 s when its first model loaded, and
the first prediction came 7-27 s after it showed, on a loaded 2-core machine. A bundle whose meta.json
records that its ``model.tflite`` (and a two-stage bundle's ``refine.tflite``) were converted from exactly
the ``.keras`` files beside it and checked against them (`model.tflite_provenance`) is run here with
LiteRT's interpreter (``ai_edge_litert``, through `runners.TfliteRunner`), class names and sizes from
meta.json: the same flatbuffers, the same interpreter and the same preparation as the Keras path gives
it, so the same predictions. Without such a record, with a file changed since, or without LiteRT,
`load_lite_predictor` gives None and the caller loads the Keras bundle (`bundle.load_bundle`), which
checks the .tflite against Keras as before. Nothing here imports TensorFlow or Keras, not even
indirectly (tests/model/test_lite_bundle.py looks in a fresh process).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from petloc_gui.model import inference
from petloc_gui.model.bundle import (
    REFINE_TFLITE,
    BundleError,
    LoadedBundle,
    read_meta,
    refine_input_size,
    resolve_model,
)
from petloc_gui.model.export import TFLITE_FILENAME
from petloc_gui.model.meta_required import meta_problem
from petloc_gui.model.quiet_import import native_stderr_parked
from petloc_gui.model.runners import TfliteRunner
from petloc_gui.model.tflite_cache import read_flatbuffer
from petloc_gui.model.tflite_provenance import matches_record, tflite_stages

_log = logging.getLogger(__name__)


def litert_installed() -> bool:
    """Whether LiteRT's interpreter imports (0.1-0.4 s the first time: call it off the UI thread)."""
    try:
        import ai_edge_litert.interpreter  # noqa: F401
    except Exception:  # noqa: BLE001 - not installed, or a broken install (its shared library): the Keras path
        return False
    return True


def lite_servable(spec: str | os.PathLike[str]) -> bool:
    """Whether `load_lite_predictor` runs ``spec`` without TensorFlow: its records match and its flatbuffers
    fit meta.json (10-30 ms of hashing and building the interpreters). A recorded .tflite that does not fit
    (meta.json names another number of classes) is False: its load goes through Keras, after TensorFlow's
    import as a step of its own, like any other such bundle (`ui.models.tensorflow_import`)."""
    try:
        return load_lite_predictor(spec) is not None
    except BundleError:
        return False


def load_lite_predictor(spec: str | os.PathLike[str]) -> inference.Predictor | None:
    """A `Predictor` over the bundle's verified .tflite files run by LiteRT; None when it has none (no
    record, a file changed since, LiteRT missing): the caller loads it through Keras. BundleError when the
    flatbuffers do not take the input size or give the classes meta.json says."""
    trusted = _trusted(spec)
    if trusted is None:
        return None
    folder, meta, contents = trusted
    names = [str(name) for name in meta["class_names"]]
    width, height = (int(v) for v in meta["input_size"])
    with native_stderr_parked():  # the interpreter announces its CPU delegate on fd 2
        runner = TfliteRunner(contents[TFLITE_FILENAME])
        refine_runner = TfliteRunner(contents[REFINE_TFLITE]) if REFINE_TFLITE in contents else None
    _check_runner(runner, (height, width, int(meta.get("channels", 3))), len(names), folder / TFLITE_FILENAME)
    if refine_runner is not None:
        refine_width, refine_height = refine_input_size(meta["refine"], folder)  # the Keras load's rule
        _check_runner(refine_runner, (refine_height, refine_width), len(names), folder / REFINE_TFLITE)
    runner.source = f"file {folder / TFLITE_FILENAME} (LiteRT, recorded as converted from model.keras)"
    bundle = LoadedBundle(folder, meta, None, names, (width, height), str(meta.get("preset")))
    return inference.Predictor(bundle, runner=runner, refine_runner=refine_runner)


def lite_predictor_or_none(spec: str | os.PathLike[str]) -> inference.Predictor | None:
    """`load_lite_predictor`, None also when its recorded .tflite cannot be run: a flatbuffer this LiteRT cannot
    read (converted by a newer TensorFlow, say) or one that does not fit meta.json. The caller's Keras load then
    runs the .tflite only if it matches model.keras (`runtime.make_runner`), else Keras itself, or says in its
    own words what is wrong with the bundle: such a bundle predicted before LiteRT was tried first, and still
    does. The window's factory and `petloc predict`/`evaluate` decide by it alike."""
    try:
        return load_lite_predictor(spec)
    except Exception:  # noqa: BLE001 - the Keras path checks the .tflite again, or names the problem
        _log.info("%s: its .tflite files do not run without TensorFlow; loading it through Keras", spec,
                  exc_info=True)
        return None


def _trusted(spec: str | os.PathLike[str]) -> tuple[Path, dict[str, Any], dict[str, bytes]] | None:
    """(the bundle folder, its meta.json, each stage's .tflite bytes) when every stage meta.json names has
    a .tflite recorded as its .keras file converted and checked, and LiteRT is installed; else None."""
    try:
        folder = resolve_model(spec)
        meta = read_meta(folder)
    except (BundleError, OSError):
        return None  # the Keras path says what is wrong
    if meta_problem(meta) is not None:
        return None
    try:
        stages = tflite_stages(meta)
    except BundleError:
        return None  # a refiner file the Keras load refuses: it says so
    contents: dict[str, bytes] = {}
    for tflite_name, keras_name in stages:
        content = read_flatbuffer(folder / tflite_name)
        if content is None or not matches_record(folder, meta, tflite_name, keras_name, content):
            return None
        contents[tflite_name] = content
    return (folder, meta, contents) if litert_installed() else None


def _check_runner(runner: TfliteRunner, shape: tuple[int, ...], n_classes: int, path: Path) -> None:
    """BundleError unless the flatbuffer takes ``shape`` ((height, width[, channels]), as `bundle.load_bundle`
    checks each Keras model) and predicts ``n_classes``."""
    if runner.input_shape[:len(shape)] != shape:
        raise BundleError(f"{path.name} takes {runner.input_shape}, meta.json says {shape}", path)
    if runner.n_classes != n_classes:
        raise BundleError(f"{path.name} predicts {runner.n_classes} classes but meta.json names {n_classes}", path)
