"""Pooling a cross-validation's per-photo IoUs over its folds (benchmarks/cv_paired.py)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.benchmark_modules import load_benchmark

cv_paired = load_benchmark("cv_paired")


def _repass(path: Path, once: list[list[float]], photos: tuple[list[str], list[str]] = (["a.jpg", "b.jpg"], ["c.jpg"]),
            reverse: bool = False) -> Path:
    """A repass file (exp_repass.py's form) of two folds: 2 and 1 photos (``reverse``: folds and photos
    listed the other way round)."""
    folds = {"0": {"relpaths": photos[0], "first stage": [0.5, 0.6], "once": once[0], "once crops": [1.0],
                   "repass<0.6": [0.7, 0.8], "repass<0.6 crops": [1.5]},
             "1": {"relpaths": photos[1], "first stage": [0.2], "once": once[1], "once crops": [1.0],
                   "repass<0.6": [0.9], "repass<0.6 crops": [2.0]}}
    if reverse:
        folds = {k: {name: values[::-1] for name, values in folds[k].items()} for k in ("1", "0")}
    path.write_text(json.dumps(folds))
    return path


def test_pooled_ious_key_every_photo_of_every_fold_and_weight_crops_by_fold_size(tmp_path):
    ious, crops = cv_paired.pooled_ious(_repass(tmp_path / "repass_x.json", [[0.8, 0.9], [0.4]]))
    assert ious["once"] == {"a.jpg": 0.8, "b.jpg": 0.9, "c.jpg": 0.4}
    assert ious["first stage"]["c.jpg"] == 0.2
    assert crops["repass<0.6"] == pytest.approx((1.5 * 2 + 2.0 * 1) / 3)
    assert crops["once"] == pytest.approx(1.0)
    listed_backwards, _ = cv_paired.pooled_ious(_repass(tmp_path / "repass_y.json", [[0.8, 0.9], [0.4]], reverse=True))
    assert listed_backwards["once"] == ious["once"]  # by photo, not by position


def test_main_pairs_the_two_recipes_photo_by_photo(tmp_path, capsys):
    _repass(tmp_path / "repass_a.json", [[0.8, 0.4], [0.6]])
    _repass(tmp_path / "repass_b.json", [[0.8, 0.6], [0.3]], reverse=True)  # b.jpg lifted past 0.5, c.jpg dropped
    assert cv_paired.main([str(tmp_path), "a", "b"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("one pass b - a: -0.0333")
    assert last.endswith("lifted by B: 1, dropped: 1")


def test_main_refuses_recipes_scored_on_other_photos(tmp_path):
    _repass(tmp_path / "repass_a.json", [[0.8, 0.4], [0.6]])
    _repass(tmp_path / "repass_b.json", [[0.8, 0.6], [0.3]], (["a.jpg", "b.jpg"], ["d.jpg"]))
    with pytest.raises(SystemExit, match="not scored on the same photos"):
        cv_paired.main([str(tmp_path), "a", "b"])


def test_paired_difference_counts_photos_lifted_dropped_better_and_worse():
    diff = cv_paired.paired_difference(np.array([0.4, 0.6, 0.7, 0.8]), np.array([0.6, 0.4, 0.7, 0.9]))
    assert diff.mean == pytest.approx(0.1 / 4)  # +0.2 - 0.2 + 0 + 0.1
    assert (diff.lifted, diff.dropped, diff.better, diff.worse) == (1, 1, 2, 1)
    assert diff.low <= diff.mean <= diff.high
