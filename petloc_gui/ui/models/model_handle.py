"""What the UI knows about a model (`ui.model_info.ModelInfo`, built here), and the real model factory.

``model_info(spec)`` reads only the bundle's meta.json (no TensorFlow), so the
window can list models and show their metrics at once; ``bundle_fingerprint(spec)``
reads only the sizes and times of its files, so its predictions kept on disk can be
shown before it loads. ``load_model_handle`` loads it (LiteRT over its verified .tflite files, else
TensorFlow and Keras) and must only be called in the prediction worker thread.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from petloc_gui.app.model_metrics import headline_metrics, held_out_count, shown_split
from petloc_gui.app.prediction_disk_cache import ModelFingerprint, model_fingerprint
from petloc_gui.core.errors import PetlocError
from petloc_gui.ui.model_info import ModelInfo

if TYPE_CHECKING:
    from petloc_gui.model.versions import Version

BUNDLED_MODELS = ("digits", "pets")


def _classes_of(meta: dict) -> tuple[str, ...]:
    classes = meta.get("classes") or meta.get("class_names") or []
    return tuple(str(c) for c in classes)


def model_info(spec: str) -> ModelInfo:
    """Describe a model from its meta.json only; raises the bundle's error if unusable."""
    from petloc_gui.model.bundle import read_meta, resolve_model

    path = resolve_model(spec)
    meta = read_meta(path)
    version = _stored_version(path) if spec not in BUNDLED_MODELS else None
    if spec in BUNDLED_MODELS:
        name = spec
    elif version is not None:
        # By its folders, as `petloc models` names it (and --model accepts): a meta.json copied along
        # or edited by hand (its version_id) does not rename it, and a bundle filed in another preset's
        # folder keeps the folder's name there (its preset, from meta.json, may differ).
        name = f"{version.path.parent.name} {version.id}"
    else:
        bundle_id = str(meta.get("version_id") or Path(path).name)
        preset = str(meta.get("preset") or "model")
        name = bundle_id if bundle_id.startswith(preset) else f"{preset} {bundle_id}"
    try:
        stamp = os.stat(Path(path) / "meta.json").st_mtime_ns
    except OSError:
        stamp = 0
    # The figures the user saw when keeping a stored version, else the bundle's.
    metrics, split = headline_metrics(meta, version.metrics if version is not None else None)
    # "selection-set" when the figures are on the one validation image that chose the epoch (as Versions says)
    split = shown_split(split, version.metrics if version is not None else None,
                        version.extra.get("training_metrics") if version is not None else None, meta.get("metrics"))
    # The meta.json stamp makes a bundle rewritten in place a new version for the cache.
    return ModelInfo(spec=spec, name=name, path=Path(path), version_id=f"{path}@{stamp}",
                     class_names=_classes_of(meta), metrics=metrics, split=split, held_out=held_out_count(meta),
                     bundle_version=str(meta["version_id"]) if meta.get("version_id") else None)


def _stored_version(path: Path) -> Version | None:
    """The store's version at this folder (None if it is not a stored version, or the store is unreadable)."""
    from petloc_gui.model.versions import VersionStore

    try:
        return VersionStore().find_by_path(path)
    except Exception:  # noqa: BLE001 - an unreadable store only means: name it and use the bundle's figures
        return None


class RealModelHandle:
    """A loaded bundle + Predictor: its verified .tflite files run by LiteRT when it has them, without
    TensorFlow (`model.lite_bundle`), else the Keras bundle (TensorFlow imported on construction)."""

    def __init__(self, spec: str) -> None:
        self.info = model_info(spec)
        # Its predictions are kept on disk under this; a bundle replaced while it loaded has none (the files
        # read may be either bundle's), so no prediction of one is ever served for the other.
        before = model_fingerprint(self.info.path)
        self._predictor = (_built_ahead_for(spec, before) or _lite_predictor_unless_known(spec, before)
                           or _keras_predictor(spec))
        after = model_fingerprint(self.info.path)
        self.fingerprint: ModelFingerprint | None = before if before == after else None
        names = getattr(self._predictor, "class_names", None)
        if names and not self.info.class_names:
            self.info = dataclasses.replace(self.info, class_names=tuple(names))

    def predict_paths(self, paths: list[Path]) -> list:
        return self._predictor.predict_paths(paths)


# The LiteRT predictor the import step built to tell that its model needs no TensorFlow
# (`lite_predictor_ahead`), for the factory's load that follows in the same worker: (its spec, its files'
# fingerprint before it was built, the predictor). One at most; taken once.
_built_ahead: tuple[str, ModelFingerprint, object] | None = None
# The last model the LiteRT path said no to (no record, a record of other files, a flatbuffer that does not fit
# meta.json, no LiteRT) and its files' fingerprint then: that load asked again for the same files (the factory's,
# after `lite_predictor_ahead`'s no; the model chosen again) goes the Keras way at once. Before, each hashed the
# bundle's files and built its interpreters again (10-30 ms). Files changed since have another fingerprint.
_not_lite: tuple[str, ModelFingerprint] | None = None


def lite_predictor_ahead(spec: str) -> bool:
    """Whether the model ``spec`` names runs without TensorFlow: its LiteRT predictor built and checked against
    meta.json (`lite_bundle.lite_predictor_or_none`, 10-30 ms), kept for `RealModelHandle`'s load of it. False
    when it needs TensorFlow: no record, a file changed since, or a recorded .tflite that does not fit meta.json
    (remembered for these files: `_not_lite`)."""
    global _built_ahead
    fingerprint = bundle_fingerprint(spec)
    predictor = _lite_predictor_unless_known(spec, fingerprint)
    _built_ahead = (spec, fingerprint, predictor) if predictor is not None and fingerprint is not None else None
    return predictor is not None


def _built_ahead_for(spec: str, fingerprint: ModelFingerprint | None):
    """The predictor `lite_predictor_ahead` built for ``spec`` from the files as they are now (their
    fingerprint unchanged), taken; else None."""
    global _built_ahead
    ahead, _built_ahead = _built_ahead, None
    if ahead is None or ahead[0] != spec or fingerprint is None or ahead[1] != fingerprint:
        return None
    return ahead[2]


def _lite_predictor_unless_known(spec: str, fingerprint: ModelFingerprint | None):
    """`lite_bundle.lite_predictor_or_none` for ``spec`` whose files have ``fingerprint`` (read before it is
    built: files changed meanwhile are looked at again next time); None at once when it said no for these very
    files (`_not_lite`)."""
    global _not_lite
    if fingerprint is not None and _not_lite == (spec, fingerprint):
        return None
    from petloc_gui.model.lite_bundle import lite_predictor_or_none  # here: it brings numpy and OpenCV

    predictor = lite_predictor_or_none(spec)
    _not_lite = (spec, fingerprint) if predictor is None and fingerprint is not None else None
    return predictor


def _keras_predictor(spec: str):
    """The Keras bundle's Predictor (TensorFlow imported: its runners checked against Keras at load)."""
    # The CLI's way of keeping TensorFlow's start-up notices (no CUDA driver,
    # oneDNN, XNNPACK, Keras UserWarnings) out of the terminal; what it hides
    # is shown when loading fails (or with PETLOC_DEBUG=1).
    from petloc_gui.cli.output import load_tensorflow, native_stderr_parked, quiet_tensorflow

    quiet_tensorflow()
    load_tensorflow()
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.inference import Predictor

    with native_stderr_parked():
        return Predictor(load_bundle(spec))


def load_model_handle(spec: str) -> RealModelHandle:
    """The default model factory of the prediction service (worker thread only)."""
    return RealModelHandle(spec)


def bundle_fingerprint(spec: str) -> ModelFingerprint | None:
    """The fingerprint `RealModelHandle` will have for ``spec``, read from its files (no TensorFlow, a few
    stats): the window shows the predictions kept under it while the model loads. None when the spec names
    no bundle (its load says why)."""
    from petloc_gui.model.bundle import resolve_model

    try:
        return model_fingerprint(resolve_model(spec))
    except (PetlocError, OSError, ValueError):
        return None
