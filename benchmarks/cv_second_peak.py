"""Diagnostic (issue 9): could another peak of the centre heatmap rescue the cascade's misses?

    python benchmarks/cv_second_peak.py DIR NAME [--peaks K]

DIR: an `exp_cv.py` / `exp_repass.py` output folder; NAME: the cascade of each
fold (DIR/foldK/NAME: a centre-head first stage with its refiner). Every fold
photo (never trained on by its fold's models) is scored as the bundle runs it
(one refiner pass on the peak's box), and again with the box of each of the
next K-1 peaks of the heatmap (distinct local maxima over 3x3 cells, highest
first) refined the same way. Prints per fold and pooled the one-pass figures
and the oracle's (the best of the first k peaks' refined boxes, chosen with the
ground truth): how much any rule choosing among peaks could gain at most; then
each photo left below IoU 0.5 with its peaks' IoUs. Nothing is chosen from it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def heat_peaks(heat: np.ndarray, k: int) -> np.ndarray:
    """Flat indices of the ``k`` highest local maxima (>= each of its 8 neighbours) of a 2-D heatmap,
    highest first (fewer where it has fewer)."""
    rows, cols = heat.shape
    padded = np.pad(heat.astype(np.float64), 1, constant_values=-np.inf)
    peak = np.ones(heat.shape, bool)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                peak &= heat >= padded[1 + dy : 1 + dy + rows, 1 + dx : 1 + dx + cols]
    found = np.flatnonzero(peak)
    return found[np.argsort(-heat.ravel()[found], kind="stable")][:k]


def fold_peak_ious(bundle: Path, root: Path, k: int) -> tuple[list[str], list[list[float]]]:
    """The fold's photos and, per photo, the IoU of the refined box of each of its first ``k`` peaks."""
    import keras

    from petloc_gui.core.metrics import best_gt_match
    from petloc_gui.core.voc import read_voc
    from petloc_gui.model import cascade
    from petloc_gui.model.inference import Predictor
    from petloc_gui.model.networks import HEAT_OUTPUT, VOTES_OUTPUT, heat_grid
    from petloc_gui.model.prepare import decode, network_inputs

    predictor = Predictor(bundle)
    stage, predictor.refine = predictor.refine, None
    if stage is None or heat_grid(predictor.bundle.model) is None:
        raise SystemExit(f"{bundle}: needs a centre-head first stage with a refiner")
    model = predictor.bundle.model
    grid = heat_grid(model)
    view = keras.Model(model.inputs, [model.get_layer(HEAT_OUTPUT).output, model.get_layer(VOTES_OUTPUT).output])
    relpaths = predictor.bundle.meta["splits"]["validation"]
    images = [decode(root / r) for r in relpaths]
    batch = network_inputs(images, predictor.input_size)
    probs, _ = predictor.predict_inputs(batch)
    heat, cells = (np.asarray(a) for a in view.predict(batch, verbose=0))
    per_photo = []
    for i, (relpath, image) in enumerate(zip(relpaths, images, strict=True)):
        xml = root / "annotations" / "xmls" / (Path(relpath).stem + ".xml")
        objects = [(o.name, o.box) for o in read_voc(xml).objects]
        peaks = heat_peaks(heat[i].reshape(grid), k)
        refined_probs, refined = cascade.refine(stage.run, [image] * len(peaks), cells[i][peaks], stage.input_size,
                                                stage.margin, flip=stage.flip)
        scale = np.array([image.shape[1], image.shape[0]] * 2)
        per_photo.append([best_gt_match(objects, predictor.class_names[int(np.argmax((probs[i] + p) / 2))],
                                        np.clip(box, 0, 1) * scale).iou
                          for p, box in zip(refined_probs, refined, strict=True)])
    return relpaths, per_photo


def main() -> int:
    from petloc_gui.core.paths import shared_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("name")
    parser.add_argument("--peaks", type=int, default=4)
    parser.add_argument("--folds", type=int, default=4)
    args = parser.parse_args()
    root = shared_dir() / "data" / "oxford-pets-3breeds"
    relpaths: list[str] = []
    ious: list[list[float]] = []
    for fold in range(args.folds):
        fold_relpaths, fold_ious = fold_peak_ious(args.dir / f"fold{fold}" / args.name, root, args.peaks)
        relpaths += fold_relpaths
        ious += fold_ious
        once = np.array([v[0] for v in fold_ious])
        print(f"fold {fold}: n={len(once)} one pass {once.mean():.4f} (IoU>=0.5 {np.mean(once >= 0.5):.3f})")
    print(f"pooled, n={len(ious)}:")
    for k in range(1, args.peaks + 1):
        best = np.array([max(v[:k]) for v in ious])
        what = "one pass (the peak)" if k == 1 else f"oracle over {k} peaks"
        print(f"  {what:22s} mean IoU {best.mean():.4f} IoU>=0.5 {np.mean(best >= 0.5):.3f} "
              f"({int(np.sum(best >= 0.5))} of {len(best)})")
    print("below IoU 0.5 in one pass (IoU of each peak's refined box):")
    for relpath, values in zip(relpaths, ious, strict=True):
        if values[0] < 0.5:
            print(f"  {relpath}: " + " ".join(f"{v:.2f}" for v in values))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
