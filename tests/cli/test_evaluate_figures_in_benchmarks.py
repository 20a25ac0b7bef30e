"""benchmarks/README.md's digits figures say their matching rule, and the figure it says the re-measure
command gives is what that command, run here, gives, and the bundled model's meta.json `metrics` (best-gt,
the rule evaluate scores by; `ignoring_class` holds the old class-blind figures, which evaluate --json gives
as its own `ignoring_class`: test_bundled_test_figures_reproduce checks them)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.bundled_evaluation import digits_report, documented_digits_command

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bundled_metrics() -> dict:
    return json.loads((ROOT / "resources" / "models" / "digits" / "meta.json").read_text(encoding="utf-8"))["metrics"]


def _digits_rows() -> list[list[str]]:
    """The results table's digits rows that give test figures, as cells (model, recipe, sizes, accuracy,
    mean IoU, IoU>=0.5, IoU>=0.75, ...)."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in BENCHMARKS.splitlines() if line.startswith("| digits run")]
    return [row for row in rows if re.fullmatch(r"\**[01]\.\d+\**", row[3])]


def _first_number(cell: str) -> float:
    return float(re.search(r"[01]\.\d+", cell).group())


def test_the_re_measure_command_gives_the_figures_said(bundled_metrics):
    text = " ".join(BENCHMARKS.split())  # the command is wrapped over two lines
    said = re.search(r"petloc evaluate /tmp/digits-test --model digits --json`\s*\(gives accuracy ([\d.]+) / "
                     r"mean IoU ([\d.]+) for the bundled model, best-gt", text)
    assert said, "the re-measure line no longer says what it gives"
    # the command run as written (shared with test_bundled_test_figures_reproduce: run once per session)
    report = digits_report(*documented_digits_command(text))
    assert report["matching"] == bundled_metrics["matching"] == "best-gt"
    # --json rounds ratios to 4 decimals (docs/cli.md); the line gives accuracy to 3
    assert float(said.group(1)) == round(report["accuracy"], 3) == round(bundled_metrics["accuracy"], 3)
    assert float(said.group(2)) == report["mean_iou"] == round(bundled_metrics["mean_iou"], 4)


def test_the_bundled_row_gives_the_best_gt_figures_first_and_the_old_ones_marked(bundled_metrics):
    bundled = [row for row in _digits_rows() if "**bundled**" in row[0]]
    assert len(bundled) == 1
    _, _, _, accuracy, mean_iou, ge50, ge75 = bundled[0][:7]
    old = bundled_metrics["ignoring_class"]
    assert _first_number(accuracy) == round(bundled_metrics["accuracy"], 3)
    for cell, key in ((mean_iou, "mean_iou"), (ge50, "iou_ge_50"), (ge75, "iou_ge_75")):
        assert "best-gt" in cell and _first_number(cell) == round(bundled_metrics[key], 3), cell
        assert f"{old[key]:.3f} class-blind" in cell, cell


def test_no_digits_row_gives_a_class_blind_figure_unmarked():
    # under best-gt a wrong class scores IoU 0, so IoU >= 0.5 cannot exceed the accuracy: a row where it
    # does was measured under the old class-blind rule and must say so
    for row in _digits_rows():
        accuracy, ge50 = _first_number(row[3]), row[5]
        if re.match(r"\**[01]\.\d+", ge50) and _first_number(ge50) > accuracy:
            assert "class-blind" in ge50, f"{row[0]}: IoU>=0.5 {ge50} above accuracy {accuracy}, rule unsaid"


def test_the_met_target_names_its_rule(bundled_metrics):
    met = re.search(r"\*\*Met\*\*: digits mean IoU \(([\d.]+) under best-gt[^)]*; ([\d.]+) under the old "
                    r"class-blind rule\)", BENCHMARKS)
    assert met, "the met digits target no longer says its rule"
    assert float(met.group(1)) == round(bundled_metrics["mean_iou"], 3)
    assert float(met.group(2)) == round(bundled_metrics["ignoring_class"]["mean_iou"], 3)
