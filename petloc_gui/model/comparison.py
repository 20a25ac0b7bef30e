"""Old model vs new model on the same validation images (run in the training child).

Both are scored through the inference path on the original image files,
with per-image metrics (core.metrics). Also estimates how many of those
images the old model itself trained on, so its figures are not taken at
face value.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

from petloc_gui.core.metrics import evaluate
from petloc_gui.model.bundle import load_bundle, read_meta
from petloc_gui.model.data import collect_samples


def compare_models(
    data: str | os.PathLike[str],
    label: str,
    new_bundle: Path,
    val_relpaths: list[str],
    *,
    old_model: str | None,
    fine_tuned: bool,
    check: Callable[[], None] = lambda: None,
) -> dict[str, Any]:
    """Score the current model and the new one on the same validation images.

    Returns ``{"n_images", "old_model", "old", "new", "note"?, "old_trained_on"?, "unseen"?}``;
    ``unseen`` scores both models again on the images the current model did
    not train on either (the fair comparison), when there are such images;
    ``old`` is None when the current model cannot be scored. ``check`` is
    called between the two (it raises to cancel).
    """
    samples, _, _ = collect_samples(data, label)
    by_relpath = {s.relpath: s for s in samples}
    chosen = [by_relpath[r] for r in val_relpaths if r in by_relpath]
    result: dict[str, Any] = {"n_images": len(chosen), "old_model": old_model, "old": None, "new": None}
    if not chosen:
        result["note"] = "No validation images: the models could not be compared."
        return result
    # Which images the current model trained on comes from its meta.json (cheap),
    # so each model is predicted once and scored on both sets from those predictions.
    seen = trained_on(old_model, [s.relpath for s in chosen]) if old_model else None
    unseen = {s.relpath for s in chosen if s.relpath not in seen} if seen else set()
    subset = unseen or None
    new_scores = score_model(new_bundle, chosen, subset)
    result["new"] = _without_subset(new_scores)
    check()
    if old_model:
        try:
            old_scores = score_model(old_model, chosen, subset)
        except Exception as exc:  # noqa: BLE001 - the new model is still worth showing
            print(f"petloc: could not score the current model: {exc}", file=sys.stderr)
            result["note"] = f"The current model could not be scored on these images ({exc})."
            return result
        result["old"] = _without_subset(old_scores)
        result["old_trained_on"] = None if seen is None else len(seen)
        if seen:
            inherited = " The new model was fine-tuned from it, so it shares that advantage." if fine_tuned else ""
            result["note"] = (f"{len(seen)} of these {len(chosen)} validation images were probably in the current "
                              f"model's own training data (same file names), so its figures are optimistic.{inherited}")
        if subset:
            # The fair comparison: images neither model trained on.
            fair = {"n_images": len(unseen), "old": old_scores["subset"], "new": new_scores["subset"]}
            result["unseen"] = fair
            result["note"] += (
                f" On the {len(unseen)} images neither model trained on: current model accuracy "
                f"{fair['old']['accuracy']:.3f}, mean IoU {fair['old']['mean_iou']:.3f}; new model accuracy "
                f"{fair['new']['accuracy']:.3f}, mean IoU {fair['new']['mean_iou']:.3f}.")
    return result


def count_trained_on(spec: str, relpaths: list[str]) -> int | None:
    """How many of these images (paths relative to the data folder) a model probably trained on."""
    seen = trained_on(spec, relpaths)
    return None if seen is None else len(seen)


def trained_on(spec: str, relpaths: list[str]) -> set[str] | None:
    """Which of these images (paths relative to the data folder) a model probably trained on.

    A bundle's meta.json names its validation images and excluded (test)
    images; every other annotated image of its data folder was trained on.
    Matching is by relative path, so it also holds for a copy of the folder.
    None when the model's history is unknown.
    """
    try:
        meta = read_meta(spec)
    except Exception:  # noqa: BLE001 - unknown history: say nothing
        return None
    training = meta.get("training_data") if isinstance(meta.get("training_data"), dict) else {}
    if not training:
        return None
    held_out = set((meta.get("validation_split") or {}).get("images") or [])
    excluded = [Path(p).as_posix() for p in training.get("excluded") or []]

    def was_excluded(rel: str) -> bool:
        return any(e == rel or e.endswith("/" + rel) for e in excluded)

    return {rel for rel in relpaths if rel not in held_out and not was_excluded(rel)}


def score_model(spec: str | Path, samples: list[Any], subset: set[str] | None = None) -> dict[str, Any]:
    """Accuracy, mean IoU and IoU>=0.5/0.75 of one model on (image, box, label) samples.

    With ``subset`` (relative paths), the same predictions are also scored on
    those images alone, under the key ``"subset"``.
    """
    from petloc_gui.model.inference import Predictor, function_runner  # noqa: PLC0415 - TensorFlow

    bundle = load_bundle(spec)
    # The plain Keras runner: no TFLite conversion just to score a few dozen images.
    predictor = Predictor(bundle, runner=function_runner(bundle.model))
    predictions = predictor.predict_paths([s.image_path for s in samples])
    kept = [(s, p) for s, p in zip(samples, predictions) if not isinstance(p, Exception)]
    names = sorted(set(bundle.class_names) | {s.label for s, _ in kept})
    scores = _metrics(kept, names)
    if subset:
        scores["subset"] = _metrics([(s, p) for s, p in kept if s.relpath in subset], names)
    return scores


def _metrics(kept: list[tuple[Any, Any]], names: list[str]) -> dict[str, Any]:
    metrics = evaluate([s.label for s, _ in kept], [s.box for s, _ in kept],
                       [p.label for _, p in kept], [p.box for _, p in kept], names)
    return {key: metrics[key] for key in ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")}


def _without_subset(scores: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in scores.items() if key != "subset"}
