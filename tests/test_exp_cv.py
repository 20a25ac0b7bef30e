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
