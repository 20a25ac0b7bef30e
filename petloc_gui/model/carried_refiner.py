"""A parent's second stage kept by a model fine-tuned from it, and that model's figures with it.

A retrain (`training.train` with ``init_from``) fine-tunes the first stage
only; the refiner works on crops around whatever box the first stage gives,
so a two-stage parent's refiner still applies and the retrained bundle keeps
it (`carried_refiner`). Its figures, measured during training on the first
stage alone, are then scored again through both stages (`rescored_with_refiner`),
leaving out the photos that chose the carried refiner's epoch and variant. Those
images are predicted once (`through_both_stages`): the figures on the person-drawn
boxes among them (`training_accepted.with_carried_refiner`) are taken from the same
predictions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION, refiner_choosers
from petloc_gui.model.bundle import REFINE_FILE, REFINE_TFLITE
from petloc_gui.model.bundle_write import write_meta
from petloc_gui.model.comparison import figures_of, predictions_on

if TYPE_CHECKING:
    from petloc_gui.model.bundle import LoadedBundle
    from petloc_gui.model.inference import Prediction


class _Scored(Protocol):
    @property
    def relpath(self) -> str: ...


ScoredItem = TypeVar("ScoredItem", bound=_Scored)


@dataclass(frozen=True)
class CarriedRefiner:
    """A parent's second stage for a bundle fine-tuned from it: its files and its meta.json entry."""

    files: dict[str, Path]  # name in the bundle -> the parent's file
    meta: dict[str, Any]


def carried_refiner(parent: LoadedBundle | None, class_names: Sequence[str]) -> CarriedRefiner | None:
    """The refiner a bundle fine-tuned from ``parent`` with ``class_names`` keeps, if any.

    A retrain (`training.train` with ``init_from``) fine-tunes the first
    stage only; the refiner works on crops around whatever box the first
    stage gives, so the parent's refiner still applies and the retrained
    model keeps its second stage. Different class lists: not carried (the
    refiner's class head would not fit). `bundle_write.save_bundle` copies the
    files in before the bundle becomes visible.
    """
    if parent is None:
        return None
    refine = (parent.meta or {}).get("refine")
    if not refine or parent.refiner is None or list(class_names) != list(parent.class_names):
        return None
    names = (str(refine.get("model_file", REFINE_FILE)), REFINE_TFLITE)
    files = {name: Path(parent.path) / name for name in names if (Path(parent.path) / name).is_file()}
    # the photos that chose it go with it: a retrain that validates on them must not call them report photos
    chose = refine.get("selection") if isinstance(refine.get("selection"), dict) else {
        "part": REFINER_ALL_VALIDATION, "images": sorted(refiner_choosers(parent.meta) or [])}
    return CarriedRefiner(files, {**refine, "selection": chose, "carried_from": parent.meta.get("version_id")})


@dataclass(frozen=True)
class BothStages:
    """A bundle's predictions of some images through both stages, as `petloc predict` runs it
    (`through_both_stages`): made once for its figures and those on its person-drawn boxes."""

    bundle: LoadedBundle  # as `comparison.predictions_on` loaded it: meta.json as written
    predicted: frozenset[str]  # the relative paths of the images predicted, an unreadable one too
    kept: dict[str, tuple[Any, Prediction]]  # relative path -> (sample, prediction); an unreadable image left out

    def kept_of(self, items: Sequence[_Scored]) -> list[tuple[Any, Prediction]]:
        """(sample, prediction) of each of ``items`` that could be predicted, in their order. One not predicted
        here is an error: figures without it would be on other images than they say."""
        missing = [item.relpath for item in items if item.relpath not in self.predicted]
        if missing:
            raise ValueError(f"{len(missing)} of the images to score were not predicted through both stages "
                             f"(e.g. {missing[0]})")
        return [self.kept[item.relpath] for item in items if item.relpath in self.kept]


def through_both_stages(bundle_path: Path, meta: dict[str, Any], items: Sequence[Any]) -> BothStages:
    """The predictions of the bundle at ``bundle_path`` (its meta.json ``meta``), both stages
    (`comparison.predictions_on`), of the images of ``items`` its figures are on (`refiner_scored`)."""
    scored, _ = refiner_scored(meta, items)
    bundle, kept = predictions_on(bundle_path, [item.sample for item in scored])
    return BothStages(bundle, frozenset(item.relpath for item in scored), {s.relpath: (s, p) for s, p in kept})


def rescored_with_refiner(bundle_path: Path, meta: dict[str, Any], items: Sequence[Any],
                          predicted: BothStages | None = None) -> dict[str, Any]:
    """The figures of a bundle saved with its parent's refiner (`carried_refiner`), scored as `petloc
    predict` runs it, both stages, on the images they were measured on (the report part, else the
    selection set); written to its meta.json, the first stage's kept under
    ``first_stage_validation_metrics`` (as the two-stage trainer keeps them). Measured during training,
    they were the first stage's alone (IoU 0.565 where the cascade gives 0.848), and `petloc train` and
    `petloc models` showed them while the window showed the cascade's. ``predicted``: `through_both_stages`
    of these ``items``, when made already (the person-drawn figures are taken from it too); else made here."""
    first = dict(meta.get("metrics") or {})
    if not items:
        return first
    scored, chose = refiner_scored(meta, items)
    both = predicted if predicted is not None else through_both_stages(bundle_path, meta, items)
    figures = figures_of(both.kept_of(scored), list(both.bundle.class_names))  # best-gt, as petloc evaluate
    split = (f"{first.get('split', 'validation')} (first stage + refiner"
             + (f"; {chose} that chose the refiner's epoch and variant left out)" if chose else ")")
             if chose < len(items) else "selection set (first stage + refiner: these images chose the refiner's "
                                        "epoch and variant, on the model it was fine-tuned from)")
    metrics = {**figures, "split": split}
    # bundle.meta: meta.json as written (save_bundle added its version id and date), read by load_bundle
    write_meta(bundle_path, {**both.bundle.meta, "metrics": metrics, "first_stage_validation_metrics": first})
    return metrics


def refiner_scored(meta: dict[str, Any], items: Sequence[ScoredItem]) -> tuple[list[ScoredItem], int]:
    """(the items a bundle with a carried refiner is scored on, how many of ``items`` chose the refiner's epoch
    and variant): ``items`` less those (`core.epoch_choice.refiner_choosers` of its meta.json ``meta``), else,
    when every one chose it, all of them. Its figures (`rescored_with_refiner`) and those on its person-drawn
    boxes (`training_accepted.with_carried_refiner`) are on these, so both are on the same images, and
    taken from one prediction of each (`through_both_stages`)."""
    choosers = refiner_choosers(meta) or set()
    fair = [item for item in items if item.relpath not in choosers]
    return fair or list(items), len(items) - len(fair)
