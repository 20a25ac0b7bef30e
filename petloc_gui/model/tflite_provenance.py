"""Which of a bundle's own TFLite files may run without TensorFlow: meta.json's ``tflite`` record.

The window runs a bundle's ``model.tflite`` (and a two-stage bundle's ``refine.tflite``) with LiteRT alone
(`model.lite_bundle`), no Keras model beside it to check the flatbuffer against as `runtime.make_runner`
does at every TensorFlow load. So it runs one only when meta.json says that it was converted from exactly
the ``.keras`` file beside it and checked against that file (`runtime.verify_tflite`)::

    "tflite": {"model.tflite": {"keras_sha256": "...", "sha256": "..."}, "refine.tflite": {...}}

`stamp_verified_tflite` writes it, only after that check passed, wherever a bundle's own .tflite is
written: `petloc export BUNDLE --tflite BUNDLE/model.tflite`, the refiner's training
(`refine_training.write_refiner`), the bundled models' build (benchmarks/train_bundled_models.py,
benchmarks/stamp_bundled_tflite.py), the window's training child and `petloc train`
(both through `model.version_tflite`). Either file changed since, or the
record missing or damaged: the file is not trusted (`matches_record`), and the model loads through Keras
as before. Both sha256 are taken at each such load: ~6 ms for the pets bundle's four files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from petloc_gui.model.bundle import (
    MODEL_FILE,
    REFINE_TFLITE,
    BundleError,
    file_sha256,
    read_meta,
    resolve_model,
)
from petloc_gui.model.bundle_check import refine_file
from petloc_gui.model.bundle_write import write_meta
from petloc_gui.model.export import TFLITE_FILENAME

RECORD_KEY = "tflite"
KERAS_SHA = "keras_sha256"
SHA = "sha256"


class TfliteNotVerified(BundleError):  # noqa: N818 - a refusal, named for what it says
    """A bundle's own .tflite does not give its .keras model's outputs, or a file changed during the check:
    no record is written."""


def tflite_stages(meta: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(the bundle's own .tflite, the .keras file it is converted from) of each stage meta.json names: the
    first stage, and the refiner of a two-stage bundle (meta.json ``refine``). BundleError when ``refine``
    names a file the Keras load refuses (not a bare name ending .keras: "../pets/refine.keras"), by the
    same rule (`bundle_check.refine_file`): no .tflite is trusted for a bundle `petloc predict` refuses."""
    stages = [(TFLITE_FILENAME, MODEL_FILE)]
    refine, problem = refine_file(meta.get("refine"))
    if problem is not None:
        raise BundleError(problem)
    if refine is not None:
        stages.append((REFINE_TFLITE, refine))
    return stages


def recorded(meta: Mapping[str, Any], tflite_name: str) -> tuple[str, str] | None:
    """(the .keras file's sha256, the .tflite's sha256) meta.json records for ``tflite_name``; None when it
    records none, or not as two strings (a hand-edited file)."""
    record = meta.get(RECORD_KEY)
    entry = record.get(tflite_name) if isinstance(record, dict) else None
    if not isinstance(entry, dict):
        return None
    keras_sha, sha = entry.get(KERAS_SHA), entry.get(SHA)
    return (keras_sha, sha) if isinstance(keras_sha, str) and isinstance(sha, str) else None


def matches_record(folder: Path, meta: Mapping[str, Any], tflite_name: str, keras_name: str,
                   content: bytes) -> bool:
    """Whether ``content`` (the .tflite's bytes, as read to run them) and the .keras file beside it now are
    the pair meta.json records as converted and checked."""
    pair = recorded(meta, tflite_name)
    if pair is None or _sha256(content) != pair[1]:
        return False
    try:
        return file_sha256(folder / keras_name) == pair[0]
    except OSError:
        return False


def stamp_verified_tflite(spec: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """`verified_record` written into the bundle's meta.json (`RECORD_KEY`, nothing else changed); returns it.
    :class:`TfliteNotVerified`, and nothing written, when a .tflite does not pass."""
    folder = resolve_model(spec)
    record = verified_record(folder)
    meta = read_meta(folder)  # as it is now: only the record changes
    if record:
        meta[RECORD_KEY] = record
    elif meta.pop(RECORD_KEY, None) is None:
        return record  # nothing recorded, nothing to write
    write_meta(folder, meta)
    return record


def verified_record(spec: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """The record (`RECORD_KEY`) of the bundle's own .tflite files, each checked against the .keras file
    beside it, loaded with Keras (TensorFlow is imported): `runtime.verify_tflite`, make_runner's check. A
    stage without its .tflite gets no entry. :class:`TfliteNotVerified` when one gives other outputs than
    its .keras model, or a file changed during the check."""
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.quiet_import import import_tensorflow_quietly, native_stderr_parked
    from petloc_gui.model.runtime import verify_tflite

    folder = resolve_model(spec)
    import_tensorflow_quietly()  # as the petloc commands: ~20 lines of TensorFlow's C++ logging otherwise
    stages = [(name, keras) for name, keras in tflite_stages(read_meta(folder)) if (folder / name).is_file()]
    before = {name: ((folder / name).read_bytes(), file_sha256(folder / keras)) for name, keras in stages}
    bundle = load_bundle(folder)
    for name, keras in stages:
        model = bundle.model if name == TFLITE_FILENAME else bundle.refiner
        try:
            with native_stderr_parked():  # the interpreter announces its CPU delegate on fd 2
                verify_tflite(before[name][0], model)
        except Exception as exc:  # any failure (a wrong model, an unreadable flatbuffer) refuses the record
            raise TfliteNotVerified(f"{name} is not {keras} converted: {type(exc).__name__}: {exc}",
                                    folder / name) from exc
    record: dict[str, dict[str, str]] = {}
    for name, keras in stages:
        content, keras_sha = before[name]
        if (folder / name).read_bytes() != content or file_sha256(folder / keras) != keras_sha:
            raise TfliteNotVerified(f"{name} or {keras} changed while they were checked; not recorded", folder)
        record[name] = {KERAS_SHA: keras_sha, SHA: _sha256(content)}
    return record


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
