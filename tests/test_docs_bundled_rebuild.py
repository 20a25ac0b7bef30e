"""What the docs say `make models` gives, and on which splits the bundled models were built, against the
bundles' meta.json and the split code: the epoch-choosing rule changed after both bundles were built (issue
10: only the selection part of validation chooses), so a rebuild does not reproduce them; the docs said it did,
and described splits (a stratified slice, 150 / 38 photos) that neither bundle used."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.splits import report_members
from tests.benchmark_modules import load_benchmark

ROOT = Path(__file__).resolve().parents[1]
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
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


def _run6() -> tuple[str, str]:
    row = next(line for line in BENCHMARKS.splitlines() if line.startswith("| digits run 6"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    return cells[3], re.match(r"[\d.]+", cells[4]).group()


def _said_rebuild_differs(text: str) -> None:
    n_digits, chooses_digits, _ = _parts("digits")
    n_pets, chooses_pets, _ = _parts("pets")
    assert "does not reproduce the bundles exactly" in text
    assert f"all {n_digits} validation digits" in text and f"the {chooses_digits} of the selection part" in text
    assert f"all {n_pets} validation photos" in text and f"the {chooses_pets} of the selection part" in text
    accuracy, mean_iou = _run6()
    assert f"accuracy {accuracy}" in text and mean_iou in text  # run 6's test figures, as its row gives them
    assert "ignoring_class" in text


def test_the_readme_says_make_models_does_not_reproduce_the_bundles():
    _said_rebuild_differs(_paragraph(README, "Retrain both bundled models' recipes with `make models`"))


def test_benchmarks_readme_says_so_too_and_the_bundled_row_is_not_called_make_models_s_step():
    _said_rebuild_differs(_paragraph(BENCHMARKS, "Every figure is per image"))
    assert "(= `make models`'s pets step)" not in BENCHMARKS


def test_the_split_the_docs_describe_is_the_bundles():
    splits = _paragraph(BENCHMARKS, "Data and splits:")
    for name in ("digits", "pets"):
        data = _meta(name)["training_data"]
        n, chooses, reports = _parts(name)
        assert n == data["n_validation"]
        assert f"{data['n_train'] - len(data.get('train_only') or []):,} train / {n} validation" in splits
        assert f"the {chooses} " in splits and f"other {reports} only report" in splits, name
    assert "a stratified slice of them" not in splits


def test_the_build_script_docstring_gives_the_digits_validation_split_as_it_is():
    source = (ROOT / "benchmarks" / "train_bundled_models.py").read_text(encoding="utf-8")
    doc = " ".join(ast.get_docstring(ast.parse(source)).split())
    n, chooses, reports = _parts("digits")
    assert "(200)" not in doc
    assert f"holds {n} of them out for validation" in doc
    assert f"the {chooses} of the selection part choose the kept epoch and the other {reports} only report" in doc


def test_the_build_script_docstring_does_not_say_it_reproduces_the_bundles():
    # its first line said "Reproduce the two bundled models", which the READMEs say a rerun does not do
    source = (ROOT / "benchmarks" / "train_bundled_models.py").read_text(encoding="utf-8")
    doc = " ".join(ast.get_docstring(ast.parse(source)).split())
    assert "Reproduce the two bundled models" not in doc
    assert doc.startswith("Retrain the two bundled models' recipes (``make models``)")
    assert "A rerun does not rebuild the shipped bundles exactly" in doc
    row = next(line for line in BENCHMARKS.splitlines() if line.startswith("| `benchmarks/train_bundled_models.py`"))
    assert "not exactly the shipped bundles" in row


def test_the_rescore_command_the_readme_names_is_one_the_script_takes(monkeypatch):
    # the README named `upgrade_bundled_meta.py rescore-validation`, which exits 1 without `digits`
    upgrade = load_benchmark("upgrade_bundled_meta")
    named = re.findall(r"`python benchmarks/upgrade_bundled_meta\.py ([^`]+)`", README)
    assert named == ["rescore-validation digits"]
    with pytest.raises(SystemExit, match="only the digits bundle"):
        upgrade.main(["rescore-validation"])
    monkeypatch.setattr(upgrade, "write_meta", lambda *args: pytest.fail("the shipped meta.json rewritten"))
    with pytest.raises(SystemExit, match="already best-gt"):  # as the README says: a bundle scored best-gt
        upgrade.main(named[0].split())
    assert "which refuses a bundle whose validation figures are best-gt already, as a rebuild's are" in README
