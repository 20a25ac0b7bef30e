"""What the UI knows about a model, and the real (TensorFlow) model factory.

``model_info(spec)`` reads only the bundle's meta.json (no TensorFlow), so the
window can list models and show their metrics at once. ``load_model_handle``
imports TensorFlow and must only be called in the prediction worker thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

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

    @property
    def summary(self) -> str:
        """e.g. ``digits (acc 0.985, IoU 0.812)``."""
        parts = []
        for key, short in (("accuracy", "acc"), ("mean_iou", "IoU")):
            value = self.metrics.get(key, self.metrics.get(f"val_{key}"))
            if isinstance(value, (int, float)):
                parts.append(f"{short} {value:.3f}")
        return f"{self.name} ({', '.join(parts)})" if parts else self.name


def _metrics_of(meta: dict) -> dict:
    metrics = meta.get("metrics") or meta.get("test_metrics") or {}
    if isinstance(metrics, dict) and isinstance(metrics.get("test"), dict):
        metrics = metrics["test"]
    return metrics if isinstance(metrics, dict) else {}


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
    # The meta.json stamp makes a bundle rewritten in place a new version for the cache.
    return ModelInfo(spec=spec, name=name, path=Path(path), version_id=f"{path}@{stamp}",
                     class_names=_classes_of(meta), metrics=_metrics_of(meta))


def read_model_meta(spec: str) -> dict:
    """The bundle's meta.json as a dict ({} if unreadable)."""
    try:
        from petloc_gui.model.bundle import read_meta, resolve_model

        return dict(read_meta(resolve_model(spec)))
    except Exception:  # noqa: BLE001 - shown as "no metrics"
        return {}


class RealModelHandle:
    """A loaded Keras bundle + Predictor (TensorFlow imported on construction)."""

    def __init__(self, spec: str) -> None:
        from petloc_gui.model.bundle import load_bundle
        from petloc_gui.model.inference import Predictor

        self.info = model_info(spec)
        self._predictor = Predictor(load_bundle(spec))
        names = getattr(self._predictor, "class_names", None)
        if names and not self.info.class_names:
            self.info = ModelInfo(self.info.spec, self.info.name, self.info.path, self.info.version_id,
                                  tuple(names), self.info.metrics)

    def predict_paths(self, paths: list[Path]) -> list:
        return self._predictor.predict_paths(paths)


def load_model_handle(spec: str) -> RealModelHandle:
    """The default model factory of the prediction service (worker thread only)."""
    return RealModelHandle(spec)
