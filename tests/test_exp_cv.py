"""The cross-validation driver refuses a first stage trained for another cut or seed (benchmarks/exp_cv.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmark_modules import load_benchmark

exp_cv = load_benchmark("exp_cv")

PHOTOS = [f"images/cat_{i}.jpg" for i in range(40)]


@pytest.fixture
def default_cut():
    yield
    exp_cv.use_cv_seed(7)


def _trained(folder: Path, validation: list[str], seed: int) -> Path:
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps({"splits": {"validation": validation}, "config": {"seed": seed}}))
    return folder


def test_a_first_stage_of_this_fold_and_seed_is_reused(tmp_path, default_cut):
    fold1 = [r for r in PHOTOS if exp_cv.fold_of(r, 4) == 1]
    assert fold1 and len(fold1) < len(PHOTOS)
    assert exp_cv.reuse_mismatch(_trained(tmp_path / "a", fold1, 0), 4, 1, 0) is None


def test_another_cut_or_seed_is_refused(tmp_path, default_cut):
    fold1 = [r for r in PHOTOS if exp_cv.fold_of(r, 4) == 1]
    first = _trained(tmp_path / "a", fold1, 0)
    assert "--seed 0" in exp_cv.reuse_mismatch(first, 4, 1, seed=1)
    assert "not this fold's" in exp_cv.reuse_mismatch(first, 4, 2, 0)
    exp_cv.use_cv_seed(8)  # the same fold number of another cut
    assert [r for r in PHOTOS if exp_cv.fold_of(r, 4) == 1] != fold1
    assert "not this fold's" in exp_cv.reuse_mismatch(first, 4, 1, 0)


def test_the_variants_are_pooled_over_the_whole_fold_not_only_its_selection_part():
    # train_refiner's validation_variants are on the photos that chose its epoch and variant (about half the
    # fold); ADR 0004's comparisons were on every photo of the fold
    selection = {"cascade": {"n_images": 3, "mean_iou": 0.9, "iou_ge_50": 1.0, "iou_ge_75": 1.0, "accuracy": 1.0}}
    report = {"cascade": {"n_images": 1, "mean_iou": 0.5, "iou_ge_50": 0.0, "iou_ge_75": 0.0, "accuracy": 0.0}}
    pooled = exp_cv.whole_fold(selection, report)["cascade"]
    assert pooled["n_images"] == 4
    assert pooled["mean_iou"] == pytest.approx(0.8) and pooled["iou_ge_50"] == pytest.approx(0.75)
    assert exp_cv.whole_fold(selection, {}) == selection  # no report part: the selection part is the fold


def _fold_results(out: Path, fold: int, n: int, mean_iou: float, report: bool) -> None:
    figures = {"n_images": n, "mean_iou": mean_iou, "iou_ge_50": mean_iou, "iou_ge_75": mean_iou}
    row = {"best_epoch": 3, "variants": {"cascade": figures}}
    if report:  # as run_fold writes it now: "variants" is the whole fold
        row |= {"selection_variants": {"cascade": figures}, "report_variants": {"cascade": figures}}
    (out / f"fold{fold}").mkdir(parents=True)
    (out / f"fold{fold}" / "results.json").write_text(json.dumps({"fold": fold, **{r: row for r in exp_cv.RECIPES}}))


def test_a_fold_written_before_the_report_part_was_scored_is_named_not_pooled(tmp_path, capsys):
    # Its "variants" are on the selection part only: pooled under the whole-fold header, nothing told them apart
    _fold_results(tmp_path, 0, 10, 0.8, report=True)
    _fold_results(tmp_path, 1, 5, 0.2, report=False)
    exp_cv.pooled(tmp_path, 2)
    printed = capsys.readouterr().out
    assert "left out: fold 1, whose results.json was written before" in printed and "--fold K" in printed
    assert "pooled over 1 fold (" in printed
    assert "n=10 mean IoU 0.800" in printed and "n=15" not in printed
    _fold_results(tmp_path, 2, 5, 0.2, report=False)
    exp_cv.pooled(tmp_path, 3)
    assert "left out: folds 1, 2," in capsys.readouterr().out
