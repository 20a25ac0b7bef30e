"""What the UI knows about a model, and the real (TensorFlow) model factory.

``model_info(spec)`` reads only the bundle's meta.json (no TensorFlow), so the
window can list models and show their metrics at once. ``load_model_handle``
imports TensorFlow and must only be called in the prediction worker thread.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from petloc_gui.app.model_metrics import headline_metrics, metrics_text

BUNDLED_MODELS = ("digits", "pets")


@dataclass(frozen=True)
class ModelInfo:
    """A model as the UI shows it."""

    spec: str
    name: str
    path: Path | None
    version_id: str
    class_names: tuple[str, ...] = ()
    metrics: dict = field(default_factory=dict, compare=False, hash=False)
    split: str = "validation"  # the images ``metrics`` were measured on: "test" or "validation"

    @property
    def summary(self) -> str:
        """e.g. ``digits (acc 0.985 · IoU 0.812 on 500 test images)``."""
        text = metrics_text(self.metrics, self.split)
        return f"{self.name} ({text})" if text else self.name


def _classes_of(meta: dict) -> tuple[str, ...]:
    classes = meta.get("classes") or meta.get("class_names") or []
    return tuple(str(c) for c in classes)


def model_info(spec: str) -> ModelInfo:
    """Describe a model from its meta.json only; raises the bundle's error if unusable."""
    from petloc_gui.model.bundle import read_meta, resolve_model

    path = resolve_model(spec)
    meta = read_meta(path)
    if spec in BUNDLED_MODELS:
        name = spec
    else:
        version = str(meta.get("version_id") or Path(path).name)
        preset = str(meta.get("preset") or "model")
        name = version if version.startswith(preset) else f"{preset} {version}"
    try:
        stamp = os.stat(Path(path) / "meta.json").st_mtime_ns
    except OSError:
        stamp = 0
    metrics, split = headline_metrics(meta, _version_metrics(path))
    # The meta.json stamp makes a bundle rewritten in place a new version for the cache.
    return ModelInfo(spec=spec, name=name, path=Path(path), version_id=f"{path}@{stamp}",
                     class_names=_classes_of(meta), metrics=metrics, split=split)


def _version_metrics(path) -> dict | None:
    """The figures the user saw when keeping this version (None if it is not a stored version)."""
    from petloc_gui.model.versions import VersionStore

    try:
        version = VersionStore().find_by_path(path)
    except Exception:  # noqa: BLE001 - an unreadable store only means: use the bundle's figures
        return None
    return version.metrics if version is not None else None


class RealModelHandle:
    """A loaded Keras bundle + Predictor (TensorFlow imported on construction)."""

    def __init__(self, spec: str) -> None:
        # The CLI's way of keeping TensorFlow's start-up notices (no CUDA driver,
        # oneDNN, XNNPACK, Keras UserWarnings) out of the terminal; what it hides
        # is shown when loading fails (or with PETLOC_DEBUG=1).
        from petloc_gui.cli.output import load_tensorflow, native_stderr_parked, quiet_tensorflow

        quiet_tensorflow()
        load_tensorflow()
        from petloc_gui.model.bundle import load_bundle
        from petloc_gui.model.inference import Predictor

        self.info = model_info(spec)
        with native_stderr_parked():
            self._predictor = Predictor(load_bundle(spec))
        names = getattr(self._predictor, "class_names", None)
        if names and not self.info.class_names:
            self.info = dataclasses.replace(self.info, class_names=tuple(names))

    def predict_paths(self, paths: list[Path]) -> list:
        return self._predictor.predict_paths(paths)


def load_model_handle(spec: str) -> RealModelHandle:
    """The default model factory of the prediction service (worker thread only)."""
    return RealModelHandle(spec)
