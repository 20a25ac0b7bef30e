"""The window says of a run's own figures what `petloc train`, `petloc models` and `petloc evaluate` say: that the
images they are on hold MNIST digits a model learned (meta.json ``metrics_learned_digits``); status line, Dataset
panel and Model → Versions showed "acc 1.000 · IoU 0.904 on 21 validation images" bare."""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.app.model_metrics import cautions, figures_said, headline_metrics, metrics_text, with_meta_accepted

HEDGE = ("21 of these 21 images hold MNIST digits that the model it was fine-tuned from, or one that model descends "
         "from, learned, or chose its epoch with, on other canvases (the digits of petloc digits --split train), so "
         "these figures on them are optimistic.")
METRICS = {"accuracy": 1.0, "mean_iou": 0.904, "n_images": 21, "split": "validation (report part: did not choose the "
           "epoch)"}


def _meta(record: dict | None = None) -> dict:
    learned = record if record is not None else {"n_scored": 21, "parent": 21, "own": 0, "untold": 0,
                                                 "hedges": [HEDGE]}
    return {"metrics": dict(METRICS), "metrics_learned_digits": learned, "parent": "digits"}


def test_a_fine_tunes_own_figures_say_the_learned_digits_hedge_in_full_and_short() -> None:
    metrics, split = headline_metrics(_meta())
    said = cautions(metrics)
    assert [(c.long, c.short) for c in said] == [(HEDGE.removesuffix("."), "optimistic")]
    assert metrics_text(metrics, split) == f"acc 1.000 · IoU 0.904 on 21 validation images ({HEDGE.removesuffix('.')})"
    figures = figures_said(metrics, split)
    assert figures is not None and figures.forms()[-1] == "acc 1.000 · IoU 0.904 on 21 validation images · optimistic"


def test_model_versions_says_it_of_a_stored_runs_own_figures(tmp_path: Path) -> None:
    meta = _meta()
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    record = with_meta_accepted(tmp_path / "meta.json", dict(METRICS))
    assert [c.short for c in cautions(record)] == ["optimistic"]
    # a version kept in the window shows the comparison's figures: their own basis hedges them, not this record
    other = dict(METRICS, mean_iou=0.9)
    assert cautions(with_meta_accepted(tmp_path / "meta.json", other)) == []


def test_canvases_whose_digit_cannot_be_told_are_maybe_optimistic() -> None:
    untold = ("3 of these 3 images are canvases whose MNIST digit their folder's petloc digits record cannot tell, so "
              "these figures on them may be optimistic.")
    metrics, _ = headline_metrics(_meta({"n_scored": 3, "parent": 0, "own": 0, "untold": 3, "hedges": [untold]}))
    assert [(c.long, c.short) for c in cautions(metrics)] == [(untold.removesuffix("."), "maybe optimistic")]


def test_a_record_without_sentences_or_with_nan_says_nothing() -> None:
    for record in ({"n_scored": 21, "parent": 21, "hedges": []}, {"n_scored": float("nan"), "hedges": [HEDGE]}):
        metrics, _ = headline_metrics(_meta(record))
        assert cautions(metrics) == []
