"""`petloc evaluate --json`: each key of `build_report` carries its own figure (every figure told apart)."""

from __future__ import annotations

import json
import math

from petloc_gui.cli.cmd_evaluate import build_report, format_report


def _metrics() -> dict:
    # every figure different, so a key that takes another's value is seen
    return {
        "n_images": 7, "accuracy": 0.11, "mean_iou": 0.22, "median_iou": 0.33, "iou_ge_50": 0.44,
        "iou_ge_75": 0.55, "matching": "best-gt",
        "per_class": {"cat": {"count": 3, "accuracy": 0.66, "mean_iou": 0.77},
                      "dog": {"count": 4, "accuracy": float("nan"), "mean_iou": None}},
        "confusion": [[1, 2], [3, 4]],
    }


def test_every_key_carries_its_own_figure():
    report = build_report(_metrics(), ["cat", "dog"], {"zebra": 1, "bird": 2}, 5, "spec", "/models/m", "/data")
    assert report == {
        "model": "spec", "model_path": "/models/m", "data": "/data", "split": report["split"],
        "matching": "best-gt", "n_images": 7, "n_skipped": 5,
        "accuracy": 0.11, "mean_iou": 0.22, "median_iou": 0.33, "iou_ge_50": 0.44, "iou_ge_75": 0.55,
        "per_class": {"cat": {"count": 3, "accuracy": 0.66, "mean_iou": 0.77},
                      "dog": {"count": 4, "accuracy": None, "mean_iou": None}},  # NaN: no figure, valid JSON
        "confusion": {"labels": ["cat", "dog"], "matrix": [[1, 2], [3, 4]]},  # rows truth, as computed
        "unknown_labels": {"bird": 2, "zebra": 1},
    }
    assert list(report["unknown_labels"]) == ["bird", "zebra"]  # sorted by name
    json.loads(json.dumps(report, allow_nan=False))


def test_the_table_shows_each_figure_in_its_place():
    report = build_report(_metrics(), ["cat", "dog"], {}, 0, "spec", "/models/m", "/data")
    lines = format_report(report)
    assert "accuracy   0.110" in lines
    assert "mean IoU   0.220   median 0.330" in lines
    assert "IoU>=0.5   0.440   IoU>=0.75 0.550" in lines
    assert not any(math.isnan(v) for v in (report["accuracy"], report["mean_iou"]))


def test_the_images_line_says_what_is_known_of_the_training_images():
    report = build_report(_metrics(), ["cat", "dog"], {}, 2, "spec", "/models/m", "/data")
    images = [line for line in format_report(report) if line.startswith("images")]
    assert images == ["images     7 evaluated; 2 skipped"]
    report["n_trained_on"] = 3
    images = [line for line in format_report(report) if line.startswith("images")]
    assert images == ["images     7 evaluated, 3 of these trained on; 2 skipped"]
    report["n_trained_on"] = None
    images = [line for line in format_report(report) if line.startswith("images")]
    assert images == ["images     7 evaluated, training images unknown; 2 skipped"]
    report["n_trained_on"] = 0
    images = [line for line in format_report(report) if line.startswith("images")]
    assert images == ["images     7 evaluated; 2 skipped"]
