"""Benchmark: flip test-time augmentation of a cascade, out of fold (issue 9, runs FF and RF).

    python benchmarks/cv_tta.py DIR NAME

DIR/foldK/NAME: the per-fold cascades of `exp_repass.py` (each validated on its
own fold's photos, which it never trained on). Every fold photo is scored with
inference only, no training, under these arms (and the first stage alone,
with and without its flip):

- ``once``: as a one-pass bundle runs (first stage, one refiner pass);
- ``first_flip``: the first stage also on the mirror image, its box mapped back
  and averaged with the first (class probabilities averaged), then one pass;
- ``once_flip``: one pass, the refiner on the crop and its mirror image;
- ``repass``: a second pass below crop overlap `refiner_variants.REPASS_BELOW`;
- ``repass_flip``: the same with the refiner's flip on every pass.

Each arm sets the refiner's flip and passes itself, whatever the bundle's
meta.json chose. Prints the pooled figures with refiner crops per photo (the
first stage's second call in ``first_flip`` is not counted there), then each
flip arm against the arm it extends, paired photo by photo (as `cv_paired.py`).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cv_paired import paired_difference
from exp_repass import fold_photos

from petloc_gui.core.metrics import best_gt_match
from petloc_gui.core.paths import shared_dir

PAIRS = (("once", "first_flip"), ("once", "once_flip"), ("repass", "repass_flip"))


def score_fold(bundle: Path, root: Path) -> tuple[list[str], dict[str, list[float]], dict[str, int]]:
    """(fold photos, {arm: IoU per photo}, {arm: refiner crops in all})."""
    from petloc_gui.model.cascade import mirrored_boxes
    from petloc_gui.model.refiner_variants import REPASS_BELOW

    fold = fold_photos(bundle, root)
    predictor, stage, relpaths, images, objects = fold.predictor, fold.stage, fold.relpaths, fold.images, fold.objects
    probs, boxes = predictor.predict_raw(images)
    mirror_probs, mirror_boxes = predictor.predict_raw([np.ascontiguousarray(im[:, ::-1]) for im in images])
    first = {"plain": (probs, boxes), "flip": ((probs + mirror_probs) / 2, (boxes + mirrored_boxes(mirror_boxes)) / 2)}
    arms = {"once": ("plain", False, 1, 1.0), "first_flip": ("flip", False, 1, 1.0),
            "once_flip": ("plain", True, 1, 1.0), "repass": ("plain", False, 2, REPASS_BELOW),
            "repass_flip": ("plain", True, 2, REPASS_BELOW)}

    def scored(arm_probs: np.ndarray, arm_boxes: np.ndarray) -> list[float]:
        return [best_gt_match(obj, predictor.class_names[int(np.argmax(p))],
                              np.clip(b, 0, 1) * np.array([im.shape[1], im.shape[0]] * 2)).iou
                for obj, p, b, im in zip(objects, arm_probs, arm_boxes, images, strict=True)]

    ious = {"first stage": scored(*first["plain"]), "first stage flip": scored(*first["flip"])}
    crops = {"first stage": 0, "first stage flip": 0}
    for arm, (start, flip, passes, below) in arms.items():
        calls: list[int] = []
        counted = replace(stage, flip=flip, passes=passes, repass_below=below,
                          run=lambda batch, run=stage.run, calls=calls: (calls.append(len(batch)), run(batch))[1])
        ious[arm] = scored(*counted(images, *first[start]))
        crops[arm] = sum(calls)
    return relpaths, ious, crops


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("name")
    parser.add_argument("--folds", type=int, default=4)
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        raise SystemExit("needs ../shared/data/oxford-pets-3breeds (or PETLOC_SHARED_DIR)")
    root = shared / "data" / "oxford-pets-3breeds"
    pooled: dict[str, dict[str, float]] = {}
    crops: dict[str, int] = {}
    for fold in range(args.folds):
        relpaths, ious, fold_crops = score_fold(args.out / f"fold{fold}" / args.name, root)
        for arm, fold_ious in ious.items():
            pooled.setdefault(arm, {}).update(zip(relpaths, fold_ious, strict=True))
            crops[arm] = crops.get(arm, 0) + fold_crops[arm]
        print(f"fold {fold}: " + "  ".join(f"{arm} {np.mean(v):.4f}" for arm, v in ious.items()), flush=True)
    photos = sorted(pooled["once"])
    print(f"pooled over {args.folds} folds, n={len(photos)}:")
    for arm, by_photo in pooled.items():
        values = np.array([by_photo[p] for p in photos])
        print(f"  {arm:16s} mean IoU {values.mean():.4f} IoU>=0.5 {np.mean(values >= 0.5):.3f} "
              f"IoU>=0.75 {np.mean(values >= 0.75):.3f} median {np.median(values):.3f} "
              f"refiner crops/photo {crops[arm] / len(photos):.3f}")
    for base, arm in PAIRS:
        d = paired_difference(*(np.array([pooled[side][p] for p in photos]) for side in (base, arm)))
        print(f"{arm} - {base}: {d.mean:+.4f} (95% bootstrap interval {d.low:+.4f} .. {d.high:+.4f}); "
              f"better on {d.better}, worse on {d.worse}; IoU >= 0.5 lifted {d.lifted}, dropped {d.dropped}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
