"""Which canvases of a folder hold MNIST digits a model has seen: was tested on, learned, or chose its epoch with.

The bundled demo is 200 canvases of the MNIST test digits the bundled digits model's 1,000-digit test figure is
measured on: other bytes than its test images, so no image hash holds them out of a retrain, and a retrain on them
trains on that model's test digits (`petloc evaluate` of the new model then counts them: n_learned_digits). The
Retrain dialog says so before the run, by the rule `petloc evaluate` counts n_learned_digits with: each canvas's
digit by its folder's `petloc digits` record (`model.canvas_digits`, `core.digits_record.DigitLookup`), matched
(`core.digits_record.learned`) against the digits the model and the models up its line learned or chose their
epoch with (`model.training_record.lineage_of`), and here against the digits its published test figure is on
(`digits_tested_on`). Digit identity is said, not held out: holding them out would leave the demo nothing to train
on. Canvases whose record cannot tell their digit are not counted here (the dialog warns of them already:
`ui.training.retrain_preview_digits`). No Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

TESTED = "tested"  # `seen_canvases`: a canvas of a digit the model's published test figure is on
LEARNED = "learned"  # ... one the model, or a model up its line, learned or chose its epoch with


class SeenDigits(NamedTuple):
    """The MNIST digits a model has seen (``{split: indices}``, None: the whole split, as
    `core.digits_record.learned_digits` gives them)."""

    learned: dict[str, frozenset[int] | None]  # learned or chose its epoch with, it or a model up its line
    tested: dict[str, frozenset[int] | None]  # its published test figure is on them


def digits_tested_on(meta: Mapping[str, Any]) -> dict[str, frozenset[int] | None]:
    """The MNIST digits the published test figure of the model of ``meta`` is on: the whole --split test of
    `petloc digits` when its meta.json ``test_split`` is by the digits split rule (ADR 0002: the bundled digits
    model's 1,000 held-out test digits, 100 per class, which is the whole split); {} otherwise (a test list of
    images is held out by its bytes)."""
    from petloc_gui.core.digits import SPLIT_DESCRIPTION
    from petloc_gui.core.digits_record import WHOLE_SPLIT

    test_split = meta.get("test_split")
    if isinstance(test_split, dict) and test_split.get("split_rule") == SPLIT_DESCRIPTION:
        return {"test": WHOLE_SPLIT}
    return {}


def seen_digits_of(spec: str) -> SeenDigits:
    """`SeenDigits` of the model ``spec`` (a bundled name or a bundle's folder): its line walked as `petloc
    evaluate` walks it. Raises `BundleError` when its meta.json cannot be read."""
    from petloc_gui.model.bundle import read_meta, resolve_model
    from petloc_gui.model.training_record import lineage_of

    meta = read_meta(spec)
    return SeenDigits(lineage_of(meta, located=resolve_model(spec)).digits, digits_tested_on(meta))


def seen_canvases(images: Iterable[tuple[str, Any, str | None]], seen: SeenDigits) -> dict[str, tuple[str, str]]:
    """``{relpath: (TESTED or LEARNED, its petloc digits split)}`` of the (relpath, image path, sha256 as read,
    None: not read) ``images`` that hold a digit of ``seen`` by their folder's record; a digit both tested and
    learned is `TESTED` (the published figure it would skew)."""
    from petloc_gui.core.digits_record import learned
    from petloc_gui.model.canvas_digits import canvas_digits

    if not seen.learned and not seen.tested:
        return {}
    found = canvas_digits(images)
    out: dict[str, tuple[str, str]] = {}
    for relpath, digit in found.digits.items():
        if learned(digit, seen.tested):
            out[relpath] = (TESTED, digit[0])
        elif learned(digit, seen.learned):
            out[relpath] = (LEARNED, digit[0])
    return out
