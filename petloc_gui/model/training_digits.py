"""What a training run's closing figures say of validation images that are `petloc digits` canvases of MNIST
digits a model learned on other canvases.

`petloc digits --split train` pastes the very digits the bundled digits model learned onto new canvases:
other bytes, so no image hash tells that a fine-tune from it (``init_from``) is validated on digits its parent
learned, or chose its epoch with; and a folder of two seeds of one split holds each digit twice, so a run
may train on a digit in one subfolder and validate on it in the other. The retrain comparison says so of its
figures (`model.comparison_digits`), `petloc evaluate` of its own (`cli.evaluate_digits`); this says it of the
run's closing figures (meta.json ``metrics``), by the comparison's rule and in its words
(`comparison_digits.learned_canvases`, `hedges_of`), naming the models as `petloc train` does: `KEY`, in
meta.json beside ``metrics`` and its other caveats (``metrics_accepted_boxes``, ADR 0013) and in the "done"
event, which `petloc train`'s closing lines and the Retraining window say it from. `model.training` makes it
from the meta.json it is about to write (once, with the bundle): the images, their bytes as the run read
them (``images``), the digits it learned (``training_data.mnist_digits``) and the parts of its validation
images (``validation_parts``); and from the digits its parent's line learned as the run collected them
(`TrainingData.inherited_digits`, which ``mnist_digits`` holds too): that line is not walked again, so an
ancestor changed or deleted during the run leaves the record on what the run trained on. No TensorFlow.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any, NamedTuple

from petloc_gui.model.comparison_digits import DigitsWording, hedges_of, learned_canvases

KEY = "metrics_learned_digits"  # meta.json, beside ``metrics``: null when nothing is to be said
PARENT = "the model it was fine-tuned from, or one that model descends from,"  # its line, as the lineage is walked
THESE_FIGURES = "these figures"


class Canvas(NamedTuple):
    """A scored validation image, as `comparison_digits` and `carried_refiner.refiner_scored` read one."""

    relpath: str
    image_path: Path


def scored_images(meta: dict[str, Any], data: str | os.PathLike[str]) -> list[Canvas]:
    """The validation images meta.json ``metrics`` are on, as the run scored them: the part that only reports,
    else (there is none) the part that chose the epoch (`training_inputs.report_metrics`), less those it could
    not read (``training_data.unreadable``); with a carried second stage, less those that chose it
    (`carried_refiner.refiner_scored`). None when the figures are on no image."""
    metrics = meta.get("metrics")
    if not isinstance(metrics, dict) or not metrics.get("n_images"):
        return []
    parts = meta.get("validation_parts")
    parts = parts if isinstance(parts, dict) else {}
    validated = [str(r) for r in (parts.get("report") or parts.get("selection") or []) if isinstance(r, str)]
    training = meta.get("training_data")
    unreadable = training.get("unreadable") if isinstance(training, dict) else None
    unread = {entry.get("image") for entry in unreadable or [] if isinstance(entry, dict)
              and entry.get("role") == "validation"}
    canvases = [Canvas(relpath, Path(data) / relpath) for relpath in validated if relpath not in unread]
    if meta.get("refine"):
        from petloc_gui.model.carried_refiner import refiner_scored

        canvases = refiner_scored(meta, canvases)[0]
    return canvases


def learned_digits_record(meta: dict[str, Any], data: str | os.PathLike[str],
                          parent_digits: dict[str, frozenset[int] | None] | None,
                          parent_canvases: Collection[str] = ()) -> dict[str, Any] | None:
    """`KEY`'s value for the run whose meta.json is ``meta``, trained on the folder ``data``: of the images its
    ``metrics`` are on (``n_scored``), how many hold MNIST digits its parent's line learned (``parent``: the
    digits the --init-from model and the models it descends from learned, ``parent_digits``, as the run
    collected them: `TrainingData.inherited_digits`; None when it is no fine-tune), how many digits the run's
    own training canvases hold on other canvases (``own``), how many are canvases whose record cannot tell
    their digit (``untold``), and the sentences saying so (``hedges``, the retrain comparison's words). None
    when there are none (nothing to say). ``parent_canvases``: the sha256 of the images the parent's line trained
    on or chose its epoch with, as the run collected them (`TrainingData.inherited_canvases`): a scored canvas of
    those bytes is said to be one of "these very canvases" (the parent's own validation images, which a fine-tune
    keeps: `petloc digits --split train --seed 0` remakes the bundled model's), not "other canvases"."""
    scored = scored_images(meta, data)
    if not scored:
        return None
    images = meta.get("images")
    # the bytes the run read (the run's record): the canvases are looked up as the figures were measured
    hashes = {relpath: entry.get("sha256") for relpath, entry in images.items() if isinstance(entry, dict)} \
        if isinstance(images, dict) else {}
    fine_tuned = parent_digits is not None
    found = learned_canvases(parent_digits or {}, meta, list(scored), hashes, fine_tuned,
                             parent_canvases if fine_tuned else ())
    n = len(scored)
    wording = DigitsWording(lambda count: "the one image these figures are on" if n == 1 else
                            f"{count} of these {n} images", PARENT, THESE_FIGURES, THESE_FIGURES,
                            "the new model", THESE_FIGURES)
    hedges = [text for text, _ in hedges_of(found, fine_tuned, wording)]
    if not hedges:
        return None
    return {"n_scored": n, "parent": len(found.old.learned), "own": len(found.new.learned),
            "untold": len({*found.old.untold, *found.new.untold}), "hedges": hedges}

