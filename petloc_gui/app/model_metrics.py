"""One figure per model version, and the images it was measured on (no Qt, no TensorFlow).

A trained version has two sets of validation figures: the training run's own
(meta.json "metrics", chosen at the best epoch) and the old-vs-new comparison
the user saw before keeping it (the version record). They differ in the third
decimal (the status bar said IoU 0.665, the Versions menu 0.663). Every place
shows the version record's figures when there is one, the bundle's otherwise,
and says on which split: a bundled model's are on its held-out *test* images,
a retrained version's on the *validation* images held out from that run.
"""

from __future__ import annotations

from typing import Any

HEADLINE = (("accuracy", "acc"), ("mean_iou", "IoU"))


def split_of_meta(meta: dict[str, Any]) -> str:
    """ "test" when the bundle's metrics come from a test split, else "validation"."""
    raw = meta.get("metrics")
    metrics = raw if isinstance(raw, dict) else {}
    if meta.get("test_split") or "test" in str(metrics.get("split", "")).lower():
        return "test"
    return "validation"


def headline_metrics(meta: dict[str, Any], version_metrics: dict[str, Any] | None = None
                     ) -> tuple[dict[str, Any], str]:
    """(metrics, split) to show for a model: the version record's, else the bundle's."""
    if isinstance(version_metrics, dict) and version_metrics:
        return dict(version_metrics), "validation"
    metrics = meta.get("metrics") or meta.get("test_metrics") or {}
    if isinstance(metrics, dict) and isinstance(metrics.get("test"), dict):
        metrics = metrics["test"]
    return (dict(metrics) if isinstance(metrics, dict) else {}), split_of_meta(meta)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    return float(value)


def metrics_text(metrics: dict[str, Any], split: str) -> str:
    """ "acc 0.985 · IoU 0.812 on 48 test images" ("" when there are no figures)."""
    parts = []
    for key, short in HEADLINE:
        value = _number(metrics.get(key, metrics.get(f"val_{key}")))
        if value is not None:
            parts.append(f"{short} {value:.3f}")
    if not parts:
        return ""
    count = _number(metrics.get("n_images"))
    where = f"on {int(count)} {split} images" if count is not None else f"on {split} images"
    return f"{' · '.join(parts)} {where}"
