"""benchmarks/README.md marks as **bundled** only the rows of the models shipped now, with their figures: pets
run B was still "(**bundled**)" though pets v2 replaced it (and so was Z1, bundled in the second session only),
so the tables named two bundled pets models with different figures."""

from __future__ import annotations

import json
import re
from pathlib import Path

from petloc_gui.core.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def _first_number(cell: str) -> float:
    return float(re.search(r"\d+\.\d+", cell).group())


def test_only_the_shipped_models_are_marked_bundled_with_their_test_figures():
    marked = [[cell.strip() for cell in line.strip().strip("|").split("|")]
              for line in BENCHMARKS.splitlines() if line.startswith("|") and "**bundled**" in line.split("|")[1]]
    assert sorted(row[0].split()[0] for row in marked) == ["digits", "pets"], [row[0] for row in marked]
    for row in marked:
        name = row[0].split()[0]
        metrics = json.loads((resources_dir() / "models" / name / "meta.json").read_text(encoding="utf-8"))["metrics"]
        accuracy, mean_iou = _first_number(row[3]), _first_number(row[4])  # the table's test columns
        assert (accuracy, mean_iou) == (round(metrics["accuracy"], 3), round(metrics["mean_iou"], 3)), row[0]


def test_the_replaced_rows_say_until_when_they_were_bundled():
    assert "| pets run B (bundled until pets v2) |" in BENCHMARKS
    assert "| Z1 (bundled in the second session) |" in BENCHMARKS
