"""On which splits the bundled models were built, as benchmarks/README.md describes them, against the
bundles' meta.json and the split code: it described splits (a stratified slice, 150 / 38 photos) that
neither bundle used."""

from __future__ import annotations

import json
import re
from pathlib import Path

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.splits import report_members

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")


def _meta(name: str) -> dict:
    return json.loads((resources_dir() / "models" / name / "meta.json").read_text(encoding="utf-8"))


def _parts(name: str) -> tuple[int, int, int]:
    """(validation images, of them choosing the epoch today, only reporting) of a bundle's validation split."""
    validation = _meta(name)["splits"]["validation"]
    report = report_members(validation, 0)
    return len(validation), len(validation) - len(report), len(report)


def _paragraph(text: str, start: str) -> str:
    found = re.search(re.escape(start) + r".*?(?:\n\n|$)", text, re.S)
    assert found, f"no paragraph starting {start!r}"
    return " ".join(found.group().split())


def test_the_split_the_docs_describe_is_the_bundles():
    splits = _paragraph(BENCHMARKS, "Data and splits:")
    for name in ("digits", "pets"):
        data = _meta(name)["training_data"]
        n, chooses, reports = _parts(name)
        assert n == data["n_validation"]
        assert f"{data['n_train'] - len(data.get('train_only') or []):,} train / {n} validation" in splits
        assert f"the {chooses} " in splits and f"other {reports} only report" in splits, name
    assert "a stratified slice of them" not in splits

