"""Benchmark: two models on the same annotated images, paired image by image.

Whether one model is better than another on a few hundred images is a
question about the images both get right or wrong alike and the few where
they differ. Prints, per model, accuracy and mean IoU (per image, best-gt
rule as `petloc evaluate`), then the paired figures by the Retraining
window's rule (`model.comparison_class_blind.paired_class_blind`, the very
code its verdict rests on): the class by the images only one of them
classifies right and their exact two-sided McNemar p; the box fit class
aside (each box against the object it overlaps most, whatever its class):
the mean IoU change (B - A) with the two-sided paired sign-flip permutation
p and a 95% bootstrap interval over images (10,000 resamples, shown, not
tested), images whose box fits better / worse / the same, how many B lifts
to IoU >= 0.5 and how many it drops below, and the window's evidence word
for each figure. Then, labelled class-scored, the same mean IoU change by
the best-gt rule, where a wrong class scores IoU 0: a class fixed reads
there as a box that fits better, so it is not the box fit (ADR 0010); it
is kept because the figures quoted before the twentieth session's fix
followed it.
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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# the paired record and its statistics are the product's (the Retraining window's verdict rests on them): one copy
from petloc_gui.core.paired_stats import bootstrap_interval, mcnemar_p, sign_flip_p  # noqa: F401 (tests use them)
from petloc_gui.model.comparison_class_blind import RECORD_KEY, image_result, paired_class_blind


def image_results(evaluated: Sequence[tuple[Any, Sequence[tuple[str, Any]], Any]]) -> list[list[Any]]:
    """Per image of ``evaluated`` ([(image, gt objects [(label, box)], prediction with .label, .box)]), the
    window's `image_result`: [class right, IoU by the best-gt rule, class-blind IoU]."""
    return [image_result(objects, p.label, p.box) for _, objects, p in evaluated]


def per_image(spec: str, data: Path, label: str) -> tuple[list[str], list[list[Any]]]:
    """``(images, image_results)`` of one model on every annotated image of ``data``, predicted as
    `petloc evaluate` does (shipped runtime)."""
    from petloc_gui.cli.cmd_evaluate import collect_ground_truth, predict_cases
    from petloc_gui.cli.model_loading import load_predictor, model_for
    from petloc_gui.core.dataset import open_dataset

    cases, skipped = collect_ground_truth(list(open_dataset(data).items), label)
    predictor, _, _ = load_predictor(model_for(spec, [data]))
    evaluated, failed = predict_cases(predictor, cases, 32)
    if skipped or failed:
        raise SystemExit(f"not every image could be scored: {(skipped + failed)[:3]}")
    return [str(image) for image, _, _ in evaluated], image_results(evaluated)


def paired_figures(images: Sequence[str], results_a: Sequence[Sequence[Any]],
                   results_b: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """The paired figures of A (old) and B (new) on ``images`` from their `image_results`: ``box_fit`` the
    window's record (`paired_class_blind`: class by McNemar, box class-blind), ``class_scored`` the mean IoU
    change by the best-gt rule (a wrong class scores 0), each model's ``accuracy`` and ``mean_iou`` (best-gt,
    the table's) and ``mean_box_fit`` (class-blind)."""
    a, b = np.asarray(results_a, np.float64).reshape(-1, 3), np.asarray(results_b, np.float64).reshape(-1, 3)
    record = paired_class_blind(dict(zip(images, results_a, strict=True)),
                                dict(zip(images, results_b, strict=True)), list(images))
    diff = b[:, 1] - a[:, 1]
    low, high = bootstrap_interval(diff)
    return {
        "n_images": len(images),
        "accuracy": [float(a[:, 0].mean()), float(b[:, 0].mean())],
        "mean_iou": [float(a[:, 1].mean()), float(b[:, 1].mean())],
        "mean_box_fit": [float(a[:, 2].mean()), float(b[:, 2].mean())],
        "box_fit": record,
        "class_scored": {
            "rule": "best-gt: a wrong class scores IoU 0 (not the window's box fit)",
            "mean_iou_b_minus_a": float(diff.mean()), "mean_iou_b_minus_a_95": [low, high],
            "mean_iou_sign_flip_p": sign_flip_p(diff),
            "iou_ge_50_fixed_by_b": int(np.sum((a[:, 1] < 0.5) & (b[:, 1] >= 0.5))),
            "iou_ge_50_lost_by_b": int(np.sum((a[:, 1] >= 0.5) & (b[:, 1] < 0.5))),
        },
    }


def report_lines(name_a: str, name_b: str, figures: dict[str, Any]) -> list[str]:
    """The printed summary of `paired_figures`, each line saying which rule its figures follow."""
    box, scored = figures["box_fit"], figures["class_scored"]
    cls, iou, ge50, evidence = box["class"], box["iou"], box["iou_ge_50"], box["evidence"]
    low, high = iou["interval"]
    s_low, s_high = scored["mean_iou_b_minus_a_95"]
    return [
        *(f"{tag} {name}: accuracy {figures['accuracy'][i]:.3f}, mean IoU {figures['mean_iou'][i]:.4f} (best-gt), "
          f"box fit {figures['mean_box_fit'][i]:.4f} (class aside)"
          for i, (tag, name) in enumerate((("A", name_a), ("B", name_b)))),
        f"class right only by A: {cls['old_only']}, only by B: {cls['new_only']}; "
        f"exact McNemar p = {cls['p']:.3f} ({evidence['accuracy']})",
        f"box fit, class aside (the Retraining window's rule): mean IoU B - A {iou['mean_change']:+.4f} "
        f"(sign-flip p = {iou['p']:.3f}; 95% bootstrap interval {low:+.4f} .. {high:+.4f}; {evidence['mean_iou']}); "
        f"B's box fits better on {iou['higher']}, worse on {iou['lower']}, the same on {iou['same']}; "
        f"IoU >= 0.5 gained by B: {ge50['gained']}, lost: {ge50['lost']} "
        f"(p = {ge50['p']:.3f}; {evidence['iou_ge_50']})",
        f"images whose best-gt IoU is below their box fit (a wrong class): A {box[RECORD_KEY]['old']}, "
        f"B {box[RECORD_KEY]['new']}",
        f"class-scored (best-gt, a wrong class scores IoU 0; not the box fit): mean IoU B - A "
        f"{scored['mean_iou_b_minus_a']:+.4f} (sign-flip p = {scored['mean_iou_sign_flip_p']:.3f}; 95% bootstrap "
        f"interval {s_low:+.4f} .. {s_high:+.4f}); IoU >= 0.5 fixed by B: {scored['iou_ge_50_fixed_by_b']}, "
        f"lost: {scored['iou_ge_50_lost_by_b']}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_a")
    parser.add_argument("model_b")
    parser.add_argument("data", type=Path)
    parser.add_argument("--label", default="default", choices=["default", "breed"])
    args = parser.parse_args(argv)
    paths_a, results_a = per_image(args.model_a, args.data, args.label)
    paths_b, results_b = per_image(args.model_b, args.data, args.label)
    if paths_a != paths_b:
        raise SystemExit("the two models were not scored on the same images")
    figures = paired_figures(paths_a, results_a, results_b)
    print("\n".join(report_lines(args.model_a, args.model_b, figures)))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
