"""benchmarks/paired_compare.py pairs the boxes by the Retraining window's rule (class aside), not class-scored."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from petloc_gui.model.comparison_class_blind import paired_class_blind
from tests.benchmark_modules import load_benchmark

paired_compare = load_benchmark("paired_compare")

DIGIT = [("8", [0, 0, 10, 10])]  # each photo: one "8", a 10 x 10 box


def _case(n_fixed: int, n_same: int) -> tuple[list[str], list, list]:
    """A (old) boxes every "8" exactly but calls ``n_fixed`` of them "9"; B names them all right, its box on
    those a row short (IoU 0.9); on ``n_same`` more both are exact. Class-scored, B's boxes read 0 -> 0.9 there
    (better); class aside they fit worse (1.0 -> 0.9)."""
    images = [f"{i}.png" for i in range(n_fixed + n_same)]
    exact, short = [0, 0, 10, 10], [0, 0, 10, 9]
    evaluated_a = [(i, DIGIT, SimpleNamespace(label="9" if k < n_fixed else "8", box=exact))
                   for k, i in enumerate(images)]
    evaluated_b = [(i, DIGIT, SimpleNamespace(label="8", box=short if k < n_fixed else exact))
                   for k, i in enumerate(images)]
    return images, paired_compare.image_results(evaluated_a), paired_compare.image_results(evaluated_b)


def test_the_box_fit_is_the_windows_record_not_the_class_scored_iou():
    images, results_a, results_b = _case(n_fixed=6, n_same=18)
    figures = paired_compare.paired_figures(images, results_a, results_b)
    box = figures["box_fit"]
    # the window's own record on the same per-image results, and the figures worked out by hand
    windows = paired_class_blind(dict(zip(images, results_a, strict=True)), dict(zip(images, results_b, strict=True)),
                                 images)
    assert box == windows
    assert box["iou"]["mean_change"] == pytest.approx(-0.1 * 6 / 24)
    assert (box["iou"]["higher"], box["iou"]["lower"], box["iou"]["same"]) == (0, 6, 18)
    assert box["iou"]["p"] == pytest.approx(2 / 64)  # 6 of 6 changes one way: 2 sign patterns of 64
    assert box["evidence"] == {"accuracy": "better", "mean_iou": "worse", "iou_ge_50": "unclear"}
    assert (box["class"]["new_only"], box["class"]["old_only"]) == (6, 0)
    assert (box["iou_ge_50"]["gained"], box["iou_ge_50"]["lost"]) == (0, 0)
    # class-scored the fixed classes read as boxes from IoU 0: kept, but apart and labelled
    scored = figures["class_scored"]
    assert scored["mean_iou_b_minus_a"] == pytest.approx(0.9 * 6 / 24)
    assert scored["iou_ge_50_fixed_by_b"] == 6
    assert figures["mean_iou"] == pytest.approx([18 / 24, (18 + 0.9 * 6) / 24])
    assert figures["mean_box_fit"] == pytest.approx([1.0, (18 + 0.9 * 6) / 24])


def test_the_printed_box_fit_says_its_rule_and_the_class_scored_line_says_its_own(monkeypatch, capsys):
    images, results_a, results_b = _case(n_fixed=1, n_same=1)
    results = {"a": results_a, "b": results_b}
    monkeypatch.setattr(paired_compare, "per_image", lambda spec, data, label: (images, results[spec]))
    assert paired_compare.main(["a", "b", "data"]) == 0
    out = capsys.readouterr().out
    assert "box fit, class aside (the Retraining window's rule): mean IoU B - A -0.0500 " in out
    assert "B's box fits better on 0, worse on 1, the same on 1" in out
    assert "class-scored (best-gt, a wrong class scores IoU 0; not the box fit): mean IoU B - A +0.4500 " in out
    assert "class right only by A: 0, only by B: 1; exact McNemar p = 1.000 (too few)" in out
    assert "images whose best-gt IoU is below their box fit (a wrong class): A 1, B 0" in out


def test_the_box_fit_change_is_printed_with_the_sign_flip_p(monkeypatch, capsys):
    # 20 images, 4 of them +0.3 for B: the window's "no clear difference" (p 2/16), its interval clear of 0
    images = [f"{i}.png" for i in range(20)]
    ious = {"a": [0.5] * 20, "b": [0.8] * 4 + [0.5] * 16}
    monkeypatch.setattr(paired_compare, "per_image",
                        lambda spec, data, label: (images, [[True, iou, iou] for iou in ious[spec]]))
    assert paired_compare.main(["a", "b", "data"]) == 0
    out = capsys.readouterr().out
    assert ("box fit, class aside (the Retraining window's rule): mean IoU B - A +0.0600 (sign-flip p = 0.125; "
            "95% bootstrap interval +0.0150 .. +0.1200; unclear)") in out
    assert '"p": 0.125' in out
