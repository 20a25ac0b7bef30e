"""`petloc evaluate DATA --model MODEL`: accuracy and per-image IoU on annotated images."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from petloc_gui.cli.args import MODEL_HELP, positive_int
from petloc_gui.cli.model_loading import chunks, class_names_of, load_predictor
from petloc_gui.cli.output import ProgressBar, error, finite, json_line, reason_of
from petloc_gui.core.errors import PetlocError

NAME = "evaluate"
HELP = "evaluate a model on every annotated image of a dataset folder"
EPILOG = """\
Every image with a ground-truth annotation is predicted; its first object is
the ground truth. Images without an annotation, unreadable images and broken
XML are skipped, with one reason line each on stderr. Figures are per image:
accuracy, mean IoU (a miss counts as 0), share of images with IoU >= 0.5 and
>= 0.75, per class, and the confusion matrix (rows: truth, columns:
predicted). A ground-truth label the model does not know counts as wrong.

Use a folder the model never trained on (for the digits model:
`petloc digits DIR --split test`) to get honest figures.

With --json the last line of stdout is one JSON object (see docs/cli.md).

examples:
  petloc digits runs/digits-test --split test
  petloc evaluate runs/digits-test --model digits
  petloc evaluate my_pets --model runs/models/pets-20261123 --json
"""

SPLIT_DESCRIPTION = "all annotated images in DATA"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", type=Path, help="dataset folder with VOC annotations")
    parser.add_argument("--model", required=True, metavar="MODEL", help=MODEL_HELP)
    parser.add_argument("--json", action="store_true", help="print one JSON object (last line of stdout)")
    parser.add_argument("--batch-size", type=positive_int, default=32, metavar="N", help="images per batch (default 32)")


def run(args: argparse.Namespace) -> int:
    from petloc_gui.core.dataset import open_dataset

    from petloc_gui.model.bundle import resolve_model  # no TensorFlow

    dataset = open_dataset(args.data)
    resolve_model(args.model)  # a wrong model name fails before anything else
    cases, skipped = collect_ground_truth(dataset)
    for image, reason in skipped:
        error(f"skipped {image}: {reason}")
    n_skipped = len(skipped)
    if not cases:
        error(f"no annotated image to evaluate in {args.data}")
        return 1
    failed: list[tuple[str, str]] = []
    predictor, model_path, meta = load_predictor(args.model)
    class_names = class_names_of(predictor, meta)

    gt_labels, gt_boxes, predictions = [], [], []
    # A bar only when there is something to wait for (more than one batch).
    bar = ProgressBar("evaluate", len(cases)) if len(cases) > args.batch_size else None
    done = 0
    for batch in chunks(cases, args.batch_size):
        results = predictor.predict_paths([image for image, _, _ in batch])
        for (image, label, box), result in zip(batch, results):
            if isinstance(result, BaseException):
                failed.append((str(image), reason_of(result)))
                continue
            gt_labels.append(label)
            gt_boxes.append(box)
            predictions.append(result)
        done += len(batch)
        if bar is not None:
            bar.update(done)
    if bar is not None:
        bar.close()

    for image, reason in failed:
        error(f"skipped {image}: {reason}")
    n_skipped += len(failed)
    if not predictions:
        error(f"no annotated image could be evaluated in {args.data}")
        return 1

    from petloc_gui.core.metrics import evaluate

    metrics = evaluate(gt_labels, gt_boxes, [p.label for p in predictions], [p.box for p in predictions], class_names)
    unknown = Counter(label for label in gt_labels if label not in set(class_names))
    report = build_report(metrics, class_names, unknown, n_skipped, args.model, model_path, args.data)
    if unknown:
        listed = ", ".join(f"{name} ({n})" for name, n in sorted(unknown.items()))
        error(f"labels the model does not know, counted as wrong: {listed}")
    if args.json:
        json_line(report)
    else:
        print("\n".join(format_report(report)), flush=True)
    return 0


def collect_ground_truth(dataset) -> tuple[list[tuple[Path, str, Any]], list[tuple[str, str]]]:
    """([(image, first label, first box)], [(file, reason skipped)]) of a dataset."""
    from petloc_gui.core.voc import read_voc

    cases: list[tuple[Path, str, Any]] = []
    skipped: list[tuple[str, str]] = []
    for item in dataset.items:
        if not item.has_annotation:
            skipped.append((str(item.image_path), "no annotation"))
            continue
        try:
            annotation = read_voc(item.annotation_path)
        except (PetlocError, OSError, ValueError) as exc:
            skipped.append((str(item.image_path), f"annotation {item.annotation_path}: {reason_of(exc)}"))
            continue
        if not annotation.objects:
            skipped.append((str(item.image_path), f"annotation {item.annotation_path} has no object"))
            continue
        first = annotation.objects[0]
        cases.append((Path(item.image_path), str(first.name), first.box))
    return cases, skipped


def build_report(metrics, class_names, unknown, n_skipped, model_spec, model_path, data) -> dict[str, Any]:
    """The `--json` object: metrics plus provenance, NaN-free."""
    per_class = {
        name: {
            "count": int(v["count"]),
            "accuracy": finite(v.get("accuracy")),
            "mean_iou": finite(v.get("mean_iou")),
        }
        for name, v in metrics["per_class"].items()
    }
    return {
        "model": str(model_spec),
        "model_path": str(model_path),
        "data": str(data),
        "split": SPLIT_DESCRIPTION,
        "n_images": int(metrics["n_images"]),
        "n_skipped": int(n_skipped),
        "accuracy": finite(metrics["accuracy"]),
        "mean_iou": finite(metrics["mean_iou"]),
        "median_iou": finite(metrics.get("median_iou")),
        "iou_ge_50": finite(metrics["iou_ge_50"]),
        "iou_ge_75": finite(metrics["iou_ge_75"]),
        "per_class": per_class,
        "confusion": {"labels": list(class_names), "matrix": [list(map(int, row)) for row in metrics["confusion"]]},
        "unknown_labels": dict(sorted(unknown.items())),
    }


def format_report(report: dict[str, Any]) -> list[str]:
    """The human-readable table."""

    def num(value) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [
        f"model      {report['model']} ({report['model_path']})",
        f"data       {report['data']} ({report['split']})",
        f"images     {report['n_images']} evaluated, {report['n_skipped']} skipped",
        f"accuracy   {num(report['accuracy'])}",
        f"mean IoU   {num(report['mean_iou'])}   median {num(report['median_iou'])}",
        f"IoU>=0.5   {num(report['iou_ge_50'])}   IoU>=0.75 {num(report['iou_ge_75'])}",
        "",
        f"{'class':<24} {'count':>6} {'accuracy':>9} {'mean IoU':>9}",
    ]
    for name, row in report["per_class"].items():
        lines.append(f"{name:<24} {row['count']:>6} {num(row['accuracy']):>9} {num(row['mean_iou']):>9}")
    for name, count in report["unknown_labels"].items():
        lines.append(f"{name:<24} {count:>6} {'0.000':>9} {'(unknown to the model)':>9}")
    labels = report["confusion"]["labels"]
    if labels:
        width = max(6, *(len(n) for n in labels)) + 1
        lines += ["", "confusion (rows: truth, columns: predicted)"]
        lines.append(" " * width + "".join(f"{n[:width - 1]:>{width}}" for n in labels))
        for name, row in zip(labels, report["confusion"]["matrix"]):
            lines.append(f"{name[:width - 1]:<{width}}" + "".join(f"{v:>{width}}" for v in row))
    return lines

