"""Whether a two-stage bundle's two records of figures are on the same images (no Qt, no TensorFlow).

A bundle with a second stage (meta.json ``refine``) records two sets of figures: its first stage's alone
(``first_stage_validation_metrics``) and the whole model's, as `petloc predict` runs it (``metrics``).
`petloc export`, which serves the first stage only, shows both and said they were "measured on other
images" whatever they were on. For the bundled pets model they are (validation photos against test
photos); for a model fine-tuned from it, which carries its refiner (model.carried_refiner), both are
on the run's own report images, often the very same ones.

Neither record lists its images: each says in its "split" what it was measured on, and meta.json lists
those images (``validation_parts``, ``refine.selection``). `same_images` reads the two together and
answers only what they show: the same images, other ones, or (None) that it cannot be told.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from petloc_gui.app.model_metrics import COUNT_KEY, image_count, split_of_figures
from petloc_gui.core.epoch_choice import refiner_choosers

FIRST_STAGE_KEY = "first_stage_validation_metrics"
# How the records' "split" begin, as the model layer writes them (not imported: those modules load
# TensorFlow; tests/app/test_stage_figures_images.py checks they agree):
# the first stage's own figures (model.training_inputs REPORT_SPLIT, SELECTION_ONLY),
FIRST_ON_REPORT = "validation (report part"
FIRST_ON_SELECTION = "selection set (these images chose the epoch"
# the two-stage trainer's (model.refine_training.write_refiner: on the report photos, else on the photos
# that chose the refiner),
CASCADE_ON_REPORT = "validation (report part: chose neither stage's epoch; first stage + refiner"
CASCADE_ON_SELECTION = "selection set (first stage + refiner, "
# and a fine-tune's that carried its parent's refiner (model.carried_refiner.rescored_with_refiner: the first
# stage's images less those that chose the refiner, or all of them when every one did).
CARRIED_SUFFIX = " (first stage + refiner"
CARRIED_ALL_CHOSE = "selection set (first stage + refiner: "


@dataclass(frozen=True)
class SameImages:
    """What meta.json shows of the images the two records are on: ``same`` (then ``count`` of them)."""

    same: bool
    count: int | None = None


def same_images(meta: dict[str, Any]) -> SameImages | None:
    """Whether the first stage's figures and the whole model's in ``meta`` (a meta.json) are on the same
    images; None when meta.json cannot tell (a record it does not hold or does not describe, or images
    of the lists left unread: which ones is not recorded)."""
    first, whole = meta.get(FIRST_STAGE_KEY), meta.get("metrics")
    if not isinstance(first, dict) or not isinstance(whole, dict):
        return None
    n_first, n_whole = image_count(first.get(COUNT_KEY)), image_count(whole.get(COUNT_KEY))
    if n_first is None or n_whole is None:
        return None
    if split_of_figures(first) != split_of_figures(whole):
        return SameImages(False)  # validation images and test images: never the same (model.splits)
    if n_first != n_whole:
        return SameImages(False)
    first_images = _first_stage_images(meta, first)
    whole_images = _whole_model_images(meta, whole, first, first_images) if first_images is not None else None
    if whole_images is None or len(first_images or ()) != n_first or len(whole_images) != n_whole:
        return None
    return SameImages(True, n_first) if whole_images == first_images else SameImages(False)


def _split(record: dict[str, Any]) -> str:
    split = record.get("split")
    return split if isinstance(split, str) else ""


def _listed(value: Any) -> frozenset[str] | None:
    return frozenset(str(v) for v in value) if isinstance(value, list) else None


def _first_stage_images(meta: dict[str, Any], first: dict[str, Any]) -> frozenset[str] | None:
    """The images the first stage's own figures were measured on: its run's report part, or its selection
    part when it had no other (model.training: ``report or selection``)."""
    parts = meta.get("validation_parts")
    if not isinstance(parts, dict):
        return None
    split = _split(first)
    if split.startswith(FIRST_ON_REPORT):
        return _listed(parts.get("report"))
    if split.startswith(FIRST_ON_SELECTION):
        return _listed(parts.get("selection"))
    return None


def _whole_model_images(meta: dict[str, Any], whole: dict[str, Any], first: dict[str, Any],
                        first_images: frozenset[str]) -> frozenset[str] | None:
    """The images the whole model's figures were measured on, as its record's "split" says; None when it
    says something this does not know."""
    split, choosers = _split(whole), refiner_choosers(meta)
    if choosers is None:
        return None
    if split.startswith(CASCADE_ON_REPORT):
        return first_images - choosers
    if split.startswith(CASCADE_ON_SELECTION):
        return frozenset(choosers)
    if split.startswith(CARRIED_ALL_CHOSE) or (_split(first) and split.startswith(_split(first) + CARRIED_SUFFIX)):
        return (first_images - choosers) or first_images
    return None
