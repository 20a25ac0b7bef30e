"""A training run's closing figures on validation images whose boxes were accepted unchanged from a model.

A fine-tune (``init_from``) usually validates on a folder a person went through with its parent's
predictions: a box accepted there unchanged (A in the window, a pre-label saved with its box untouched)
is the parent's output (`core.voc_provenance`, ADR 0013), which the new model starts from, so its
figures on such boxes flatter it. meta.json ``metrics`` (and `petloc train`'s closing line) stay the
figures on every image scored; beside them, under `KEY`, how many of those images hold accepted boxes,
whose they are (own, parent, ancestor, unknown, other: `core.accepted_boxes.relation`), the sentence saying so and the
figures on the images whose boxes a person drew alone, as `petloc evaluate` and the retrain comparison
give them. Which images, whose boxes and the words are `model.comparison_accepted`'s (its `accepted_in`,
`told`, `accepted_counts`), so the three say the same of the same images. Every count is of the images the
figures are on: one that could not be read is left out of them (its notice says so), so out of these too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petloc_gui.core.accepted_boxes import ANCESTOR, OWN, PARENT
from petloc_gui.model.comparison_accepted import accepted_counts, accepted_in, told

if TYPE_CHECKING:
    from petloc_gui.model.carried_refiner import BothStages
    from petloc_gui.model.image_cache import ImageCache
    from petloc_gui.model.inference import Prediction
    from petloc_gui.model.presets import Preset
    from petloc_gui.model.training_data import Item, TrainingData
    from petloc_gui.model.training_loop import EpochMonitor

KEY = "metrics_accepted_boxes"  # meta.json, beside ``metrics``; the "done" event's too
ROLE = "the new model"
IMAGES = "scored validation images"
VALIDATION_ROLE = "validation"  # `unreadable_images.UnreadableImage.role` of an image validation could not read
PERSON_FIGURES = ("accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")

# the new model's figures on some items, and under "subset" on those of them at the given relative paths
Figures = Callable[[Sequence["Item"], "set[str] | None"], dict[str, Any]]


@dataclass(frozen=True)
class Scorer:
    """How the new model is scored: ``figures`` (`Figures`), and ``scored``, those of some items its figures
    are on: the others could not be read, and are left out of its figures as of meta.json ``metrics``."""

    figures: Figures
    scored: Callable[[Sequence[Item]], list[Item]]


def accepted_record(items: Sequence[Item], meta: dict[str, Any], score: Scorer | Figures,
                    parent_path: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """`KEY`'s value for the validation ``items`` meta.json ``metrics`` are on, of the model whose meta.json is
    ``meta`` (its ``version_id``; its parent's, ``parent`` / ``parent_version_id``); None when no box
    scored there was accepted from a model (nothing to say). ``person_drawn``: the figures on the images
    whose boxes a person drew (``n_images``: IoU) and on those whose labels a person gave (``n_labelled``:
    accuracy), None when every image holds a model's box and label. Every count is of the images scored
    (``score.scored``; a bare `Figures` function is taken to score every one of ``items``): an unreadable
    image is in no figure, so in no count either (its notice names it). ``parent_path``: the folder of the
    bundle the run fine-tuned (its --init-from): its parents are looked for beside it, not only where this
    process happened to be given it (a parent's parent's boxes were then "of an unknown model")."""
    if not any(it.sample.accepted for it in items):  # nothing to say: nothing read, no parent looked up
        return None
    scorer = score if isinstance(score, Scorer) else Scorer(score, list)
    items = scorer.scored(items)
    found = accepted_in([it.sample for it in items], meta, str(meta.get("version_id") or "") or None, ROLE, IMAGES,
                        parent_path=parent_path)
    if not found.models:  # (those with accepted boxes could not be read)
        return None
    record: dict[str, Any] = {"n_scored": len(items), **accepted_counts(found, OWN, PARENT, ANCESTOR),
                              "relation": dict(sorted(found.relations.items())),
                              "warning": told(found, len(items), ROLE, IMAGES), "person_drawn": None}
    if not found.labelled:
        return record
    n_person, n_labelled = len(found.person), len(found.labelled)
    by_path = {it.relpath: it for it in items}
    # scored on the images whose labels a person gave; those whose boxes a person drew are among them
    subset = {s.relpath for s in found.person} if n_labelled != n_person else None
    scores = scorer.figures([by_path[s.relpath] for s in found.labelled], subset)
    on_boxes = (scores.get("subset") or {}) if subset is not None else scores
    record["person_drawn"] = {"n_images": n_person, "n_labelled": n_labelled, "accuracy": scores.get("accuracy"),
                              **{key: on_boxes.get(key) if n_person else None for key in PERSON_FIGURES[1:]}}
    return record


def keras_scorer(monitor: EpochMonitor, data: TrainingData, preset: Preset, cache: ImageCache | None) -> Scorer:
    """The model in training as its closing figures score it (`training_inputs.report_metrics`), which found
    the images among them it could not read (`EpochMonitor.validate` leaves them out; ``data.unreadable``
    names them): those are not scored here either."""
    from petloc_gui.model.training_inputs import validation_set

    def figures(items: Sequence[Item]) -> dict[str, Any]:
        return (monitor.validate(validation_set(data, preset, cache, items)) or {}) if items else {}

    def score(items: Sequence[Item], subset: set[str] | None) -> dict[str, Any]:
        scores = figures(items)
        if subset is not None:
            scores["subset"] = figures([it for it in items if it.relpath in subset])
        return scores

    def scored(items: Sequence[Item]) -> list[Item]:
        unreadable = {image["image"] for image in data.unreadable.record() if image["role"] == VALIDATION_ROLE}
        return [it for it in items if it.relpath not in unreadable]

    return Scorer(score, scored)


def with_carried_refiner(bundle: Path, meta: dict[str, Any], items: Sequence[Item],
                         predicted: BothStages | None = None,
                         parent_path: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """`accepted_record` of a bundle written with its parent's second stage, whose meta.json ``metrics``
    `carried_refiner.rescored_with_refiner` scored again through both stages on ``items`` less those that
    chose the refiner (all of them when every one did): the same images and stages here, put in its
    meta.json. ``predicted``: that rescore's predictions (`carried_refiner.through_both_stages` of these
    ``items``, or of images among which they are), which the figures are taken from, so each image goes
    through the model once; without them, made here when some box was accepted. The images scored are those
    predicted (an unreadable one left out), as the rescore's ``n_images`` counts them. ``parent_path``:
    `accepted_record`'s."""
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.bundle_write import write_meta
    from petloc_gui.model.carried_refiner import refiner_scored, through_both_stages

    scored, _ = refiner_scored(meta, items)
    if not any(it.sample.accepted for it in scored):  # no record: nothing to predict
        return None
    both = predicted if predicted is not None else through_both_stages(bundle, meta, scored)
    record = accepted_record(scored, meta, predictions_scorer(both), parent_path)
    if record is not None:
        write_meta(bundle, {**read_meta(bundle), KEY: record})
    return record


def predictions_scorer(predicted: BothStages) -> Scorer:
    """The figures of predictions made already (`carried_refiner.through_both_stages`) on some of the images
    predicted, as `comparison.score_model` gives them on those images: best-gt, an image that could not be
    predicted left out, of the figures and of the images scored (one that was not predicted: an error,
    `BothStages.kept_of`)."""
    from petloc_gui.model.comparison import figures_of

    names = list(predicted.bundle.class_names)  # the figures kept here do not depend on the names

    def figures(kept: list[tuple[Any, Prediction]]) -> dict[str, Any]:
        every = figures_of(kept, names)
        return {key: every[key] for key in ("n_images", *PERSON_FIGURES)}

    def score(items: Sequence[Item], subset: set[str] | None) -> dict[str, Any]:
        kept = predicted.kept_of(items)
        scores = figures(kept)
        if subset:
            scores["subset"] = figures([(s, p) for s, p in kept if s.relpath in subset])
        return scores

    def scored(items: Sequence[Item]) -> list[Item]:
        read = {s.relpath for s, _ in predicted.kept_of(items)}
        return [it for it in items if it.relpath in read]

    return Scorer(score, scored)
