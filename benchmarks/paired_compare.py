"""Benchmark: two models on the same annotated images, paired image by image.

Whether one model is better than another on a few hundred images is a
question about the images both get right or wrong alike and the few where
they differ. Prints, per model, accuracy and mean IoU (per image, best-gt
rule as `petloc evaluate`), then the paired figures: how many images only
one of them classifies correctly and the exact two-sided McNemar p of that
split; the mean IoU difference (B - A) with the two-sided paired sign-flip
permutation p the Retraining window's verdict rests on and a 95% bootstrap
interval over images (10,000 resamples, shown, not tested); how many images B
lifts to IoU >= 0.5 and how many it drops below.
Usage:
    python benchmarks/paired_compare.py MODEL_A MODEL_B DATA [--label breed]
MODEL: `pets`, `digits` or a bundle folder; DATA: a folder of images + VOC XML
(e.g. `petloc digits /tmp/digits-test --split test --seed 1`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# the paired statistics are the product's (the retrain comparison's verdict rests on them): one copy
from petloc_gui.core.paired_stats import bootstrap_interval, mcnemar_p, sign_flip_p


def per_image(spec: str, data: Path, label: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """``(images, correct class [n] bool, IoU [n])`` of one model on every annotated image of
    ``data``, predicted and matched exactly as `petloc evaluate` does (shipped runtime, best-gt)."""
    from petloc_gui.cli.cmd_evaluate import collect_ground_truth, predict_cases
    from petloc_gui.cli.model_loading import load_predictor, model_for
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.metrics import best_gt_match

    cases, skipped = collect_ground_truth(list(open_dataset(data).items), label)
    predictor, _, _ = load_predictor(model_for(spec, [data]))
    evaluated, failed = predict_cases(predictor, cases, 32)
    if skipped or failed:
        raise SystemExit(f"not every image could be scored: {(skipped + failed)[:3]}")
    matches = [best_gt_match(objects, p.label, p.box) for _, objects, p in evaluated]
    return ([str(image) for image, _, _ in evaluated], np.array([m.same_class for m in matches]),
            np.array([m.iou for m in matches], np.float64))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_a")
    parser.add_argument("model_b")
    parser.add_argument("data", type=Path)
    parser.add_argument("--label", default="default", choices=["default", "breed"])
    args = parser.parse_args(argv)
    paths_a, right_a, iou_a = per_image(args.model_a, args.data, args.label)
    paths_b, right_b, iou_b = per_image(args.model_b, args.data, args.label)
    if paths_a != paths_b:
        raise SystemExit("the two models were not scored on the same images")
    only_a, only_b = int(np.sum(right_a & ~right_b)), int(np.sum(right_b & ~right_a))
    diff = iou_b - iou_a
    low, high = bootstrap_interval(diff)
    diff_p = sign_flip_p(diff)
    result = {
        "n_images": len(paths_a),
        "accuracy": [float(right_a.mean()), float(right_b.mean())],
        "mean_iou": [float(iou_a.mean()), float(iou_b.mean())],
        "iou_ge_50": [float(np.mean(iou_a >= 0.5)), float(np.mean(iou_b >= 0.5))],
        "class_only_a_right": only_a, "class_only_b_right": only_b, "mcnemar_p": mcnemar_p(only_a, only_b),
        "mean_iou_b_minus_a": float(diff.mean()), "mean_iou_b_minus_a_95": [low, high],
        "mean_iou_sign_flip_p": diff_p,
        "iou_ge_50_fixed_by_b": int(np.sum((iou_a < 0.5) & (iou_b >= 0.5))),
        "iou_ge_50_lost_by_b": int(np.sum((iou_a >= 0.5) & (iou_b < 0.5))),
    }
    print(f"A {args.model_a}: accuracy {result['accuracy'][0]:.3f}, mean IoU {result['mean_iou'][0]:.4f}")
    print(f"B {args.model_b}: accuracy {result['accuracy'][1]:.3f}, mean IoU {result['mean_iou'][1]:.4f}")
    print(f"class right only by A: {only_a}, only by B: {only_b}; exact McNemar p = {result['mcnemar_p']:.3f}")
    print(f"mean IoU B - A: {diff.mean():+.4f} (sign-flip p = {diff_p:.3f}; 95% bootstrap interval "
          f"{low:+.4f} .. {high:+.4f}); "
          f"IoU >= 0.5 fixed by B: {result['iou_ge_50_fixed_by_b']}, lost: {result['iou_ge_50_lost_by_b']}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
