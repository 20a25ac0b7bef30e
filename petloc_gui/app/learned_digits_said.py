"""What a run's own figures rest on when the images they are on are `petloc digits` canvases of MNIST digits a model
learned (no Qt, no TensorFlow): meta.json's record of them beside its ``metrics`` (`LEARNED_DIGITS_KEY`), and the
caution the window says it with (`learned_caution`).

`petloc train`, `petloc models` and `petloc evaluate` said "21 of these 21 images hold MNIST digits that the model it
was fine-tuned from ... learned ..., so these figures on them are optimistic" of a CLI fine-tune, while the status line,
the Dataset panel and Model → Versions showed its "acc 1.000 · IoU 0.904 on 21 validation images" bare. The sentences
are the record's own (``hedges``, written once by the run: `model.training_digits`), so every place says the same.
"""

from __future__ import annotations

import json
from typing import Any

from petloc_gui.app.figures_short import BASIS_JOIN, Caution

# model.training_digits.KEY (not imported: the model layer is not loaded at start-up)
LEARNED_DIGITS_KEY = "metrics_learned_digits"
# the short forms, where a line has no room for the sentence: the status line says it as it says a version's hedged
# figures (`model_metrics.HEDGED_SHORT`); a record whose canvases only may hold a learned digit says "maybe"
OPTIMISTIC_SHORT = "optimistic"
MAYBE_OPTIMISTIC_SHORT = "maybe optimistic"


def finite_record(record: dict[str, Any], key: str, problems: list[str] | None) -> dict[str, Any] | None:
    """``record`` (meta.json's ``key``), or None, noted in ``problems``, when it holds a number JSON has no
    form for (NaN, Infinity): a hand-edited or damaged meta.json is not shown as figures."""
    try:
        json.dumps(record, allow_nan=False)
    except ValueError:
        if problems is not None:
            problems.append(f"{key} holds a number that is not finite (NaN or Infinity); ignored")
        return None
    return record


def learned_digits_record(meta: Any, figures: Any, problems: list[str] | None = None) -> dict[str, Any] | None:
    """meta.json's (``meta``: its object) `LEARNED_DIGITS_KEY` record, when the figures shown (``figures``) are
    its ``metrics`` and it holds a sentence (``hedges``); None otherwise: a version kept in the window holds the
    retrain comparison's figures, whose ``basis.hedges`` say it of their own images. One holding a number JSON
    has no form for (NaN, Infinity) is noted in ``problems`` and ignored, as `model_metrics.accepted_record` does."""
    if not isinstance(meta, dict) or figures != meta.get("metrics"):
        return None
    record = meta.get(LEARNED_DIGITS_KEY)
    if not isinstance(record, dict) or not hedges_in(record):
        return None
    return finite_record(record, LEARNED_DIGITS_KEY, problems)


def hedges_in(record: Any) -> list[str]:
    """The sentences a learned-digits record holds (its ``hedges`` that are text); [] when it holds none or
    is no record: the window, `petloc models` and `petloc train` say each of them."""
    hedges = record.get("hedges") if isinstance(record, dict) else None
    return [hedge for hedge in hedges if isinstance(hedge, str) and hedge] if isinstance(hedges, list) else []


def learned_caution(metrics: Any) -> Caution | None:
    """The record `model_metrics.headline_metrics` put with a run's own figures (`LEARNED_DIGITS_KEY`), as a caution:
    its sentences, `BASIS_JOIN`ed ("21 of these 21 images hold MNIST digits that the model it was fine-tuned from
    ... so these figures on them are optimistic"), in short "optimistic" ("maybe optimistic" when its images only
    may hold a learned digit: their folder's record cannot tell); None when there is none."""
    record = metrics.get(LEARNED_DIGITS_KEY) if isinstance(metrics, dict) else None
    hedges = hedges_in(record)
    if not hedges or not isinstance(record, dict):
        return None
    learned = any(_count(record.get(key)) for key in ("parent", "own"))
    untold_only = not learned and bool(_count(record.get("untold")))
    short = MAYBE_OPTIMISTIC_SHORT if untold_only else OPTIMISTIC_SHORT
    return Caution(BASIS_JOIN.join(hedge.removesuffix(".") for hedge in hedges), short)


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
