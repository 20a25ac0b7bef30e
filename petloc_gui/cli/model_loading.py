"""Loading a model bundle for the commands that predict (evaluate, predict)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from petloc_gui.cli.output import load_tensorflow, native_stderr_parked


def load_predictor(spec: str):
    """(Predictor, bundle path, meta) for `pets`, `digits` or a bundle path.

    The bundle is resolved first (no TensorFlow), so a wrong name or path is
    reported before TensorFlow spends seconds loading.
    """
    from petloc_gui.model.bundle import resolve_model

    path = resolve_model(spec)
    load_tensorflow()
    from petloc_gui.model.inference import Predictor

    with native_stderr_parked():  # TFLite announces its CPU delegate on fd 2
        predictor = Predictor(str(path))
    return predictor, Path(path), dict(predictor.bundle.meta or {})


def class_names_of(predictor, meta: dict[str, Any]) -> list[str]:
    """The model's class names, in output order."""
    for source in (predictor, getattr(predictor, "bundle", None)):
        names = getattr(source, "class_names", None)
        if names:
            return [str(n) for n in names]
    for key in ("class_names", "classes", "labels"):
        if meta.get(key):
            return [str(n) for n in meta[key]]
    return []


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    """Consecutive slices of at most `size` items."""
    size = max(1, int(size))
    for start in range(0, len(items), size):
        yield items[start : start + size]
