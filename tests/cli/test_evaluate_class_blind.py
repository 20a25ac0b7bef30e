"""`petloc evaluate`'s class-blind figures (README: "0.930 (0.946 ignoring the class)", re-measured by
`petloc evaluate --json`): a --json key and one table line, each figure in its place."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.cli.cmd_evaluate import build_report, format_report
from petloc_gui.cli.evaluate_class_blind import KEY, class_blind_report

SQUARE = (0, 0, 10, 10)


def _prediction(label: str, box: tuple[float, ...]) -> SimpleNamespace:
    return SimpleNamespace(label=label, box=box, has_class=True)


def test_the_report_scores_a_wrong_class_by_its_box_rounded_as_json_figures_are():
    evaluated = [("a.png", [("cat", SQUARE)], _prediction("dog", (0, 0, 10, 2 / 3))),  # IoU 1/15
                 ("b.png", [("cat", SQUARE)], _prediction("cat", (0, 0, 10, 9)))]
    assert class_blind_report(evaluated) == {"mean_iou": round((1 / 15 + 0.9) / 2, 4),
                                             "median_iou": round((1 / 15 + 0.9) / 2, 4),
                                             "iou_ge_50": 0.5, "iou_ge_75": 0.5}


def _report() -> dict:
    metrics = {"n_images": 4, "accuracy": 0.75, "mean_iou": 0.5, "median_iou": 0.6, "iou_ge_50": 0.7,
               "iou_ge_75": 0.25, "matching": "best-gt", "per_class": {"cat": {"count": 4, "accuracy": 0.75,
                                                                              "mean_iou": 0.5}},
               "confusion": [[3]]}
    report = build_report(metrics, ["cat"], {}, 0, "spec", "/models/m", "/data")
    report[KEY] = {"mean_iou": 0.9461, "median_iou": 0.9483, "iou_ge_50": 1.0, "iou_ge_75": 0.875}
    return report


def test_the_table_gives_the_class_blind_figures_on_one_line_each_in_its_place():
    lines = format_report(_report())
    blind = [line for line in lines if "ignoring the class" in line]
    assert blind == ["ignoring the class: mean IoU 0.946   median 0.948   IoU>=0.5 1.000   IoU>=0.75 0.875"]
    assert "mean IoU   0.500   median 0.600" in lines  # the best-gt line is still the best-gt figures


def test_no_class_blind_line_without_the_figures():
    report = _report()
    del report[KEY]
    assert not any("ignoring the class" in line for line in format_report(report))
