"""The retrain comparison on validation images whose boxes were accepted unchanged from a model (ADR 0013).

A box a person accepted from a model (A in the window; a pre-label saved with its box untouched)
is that model's output (`core.voc_provenance`): the current model, scored against boxes it proposed,
agrees with itself, and a model fine-tuned from it or trained on such boxes learned to agree with
them. `model.comparison.compare_models` calls `accepted_in` once its images are known (a hedge for
the note, the version's too) and `add_person_figures` once both models are scored: the figures of
both on the images whose boxes a person drew alone, beside the ones on every image, when there are
both kinds. A model's box a person relabelled is still the model's box but a person's label, so
accuracy there is on the images whose labels a person gave (those, and the ones whose accepted boxes
were all relabelled). Which boxes were accepted is taken from the samples (`model.data.Sample.accepted`),
read with the boxes both models are scored on: the run's (`training.TrainedRun.validation`), so a box a
person moves in the window during the run is still the model's here, as it is in the figures, and one
accepted during the run is still a person's.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from petloc_gui.core.accepted_boxes import (
    OWN,
    Ancestry,
    accepted_sentences,
    labels_accepted,
    person_part,
    relation,
)
from petloc_gui.core.text import counted, without_isolates
from petloc_gui.model.data import Sample
from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.training_record import ParentChain, parent_chain

ROLE = "the current model"


class AcceptedImages(NamedTuple):
    """`accepted_in`'s answer: which of the images scored hold boxes accepted from a model, and what to say."""

    models: dict[str, frozenset[str]]  # relpath -> the models whose boxes it holds accepted unchanged
    person: list[Any]  # the samples whose boxes a person drew (every one, when none was accepted)
    labelled: list[Any]  # the samples whose labels a person gave: ``person`` and those a person relabelled
    relations: dict[str, str]  # each of those models -> `core.accepted_boxes.relation` to the current model
    hedges: list[tuple[str, bool]]  # (sentence, about the new model's figures too): for the note
    # the same, said when the current model could not be scored (its figures are none of those there are)
    unscored_hedges: list[tuple[str, bool]]
    # the models the current model descends from beyond its parent (`model.model_ancestry`), when looked up
    ancestry: Ancestry | None = None


def accepted_in(samples: Sequence[Sample], old_meta: dict[str, Any] | None, old_model: str | None,
                role: str = ROLE, images: str = "validation images", chain: ParentChain | None = None,
                parent_path: str | os.PathLike[str] | None = None) -> AcceptedImages:
    """The images of ``samples`` (those the headline figures are on) holding a box scored that a person
    accepted unchanged from a model when the samples were read (`model.data.Sample.accepted`, not the
    files as saved now: the boxes scored are those read); the hedge saying so, naming each model and
    whether it is the current one (``old_meta``, ``old_model``). ``role``, ``images``: what the hedge
    calls that model and the images (`petloc train`'s closing figures: the new model, its scored
    validation images, `model.training_accepted`); ``chain``: ``old_meta``'s `parent_chain`, when walked
    already (the comparison's: each ancestor's meta.json read once); ``parent_path``: else the folder of
    ``old_meta``'s parent, when ``old_meta`` is a run's new model with no bundle yet (`petloc train
    --init-from runs/V1`: V1 there, its parents beside it; found before only where the process was given it)."""
    models: dict[str, frozenset[str]] = {s.relpath: s.accepted for s in samples if s.accepted}
    person = [s for s in samples if s.relpath not in models]
    labelled = [s for s in samples if not labels_accepted(models.get(s.relpath, frozenset()))]
    if not models:
        return AcceptedImages({}, person, labelled, {}, [], [])
    # looked up only when some box was accepted: a parent's parent's boxes flatter it too (`ANCESTOR`)
    if chain is None and parent_path and old_model:
        chain = parent_chain(old_meta, parent_at=parent_path)
    ancestry = ancestry_of(old_meta, chain) if old_model else None
    relations = {m: relation(m, old_meta, old_model, ancestry=ancestry) if old_model else "other"
                 for f in models.values() for m in f}
    found = AcceptedImages(models, person, labelled, relations, [], [], ancestry)

    def hedges(old_scored: bool) -> list[tuple[str, bool]]:
        hedge = told(found, len(samples), role, images, old_scored) + "."
        return [(hedge[0].upper() + hedge[1:], True)]

    return found._replace(hedges=hedges(True), unscored_hedges=hedges(False))


def told(found: AcceptedImages, n_scored: int, role: str = ROLE, images: str = "validation images",
         role_scored: bool = True) -> str:
    """What is said of ``found`` among the ``n_scored`` images (`core.accepted_boxes.accepted_sentences`, then
    whether the figures on a person's images are given apart), in lower case and without a full stop. Plain: it
    is kept in records (the comparison's note and hedges, meta.json, train_record.json), and each display sets
    the model names apart as it shows them (`core.text.names_set_apart`, the names the record's ``from`` holds)."""
    sentences = accepted_sentences(found.models.values(), n_scored, found.relations, role, images, role_scored,
                                   found.ancestry)
    return without_isolates("; ".join([*sentences, person_part(len(found.person), len(found.labelled))]))


def accepted_counts(found: AcceptedImages, *kinds: str) -> dict[str, Any]:
    """How many of the images hold accepted boxes (``n_images``), each model's count (``from``), and for each
    of ``kinds`` (`core.accepted_boxes.OWN`, `PARENT`, `ANCESTOR`: default, own alone) how many hold boxes of a model
    of that kind."""
    counts = Counter(m for f in found.models.values() for m in f)
    return {"n_images": len(found.models), "from": dict(sorted(counts.items())),
            **{kind: sum(1 for f in found.models.values() if any(found.relations.get(m) == kind for m in f))
               for kind in kinds or (OWN,)}}


def add_person_figures(result: dict[str, Any], found: AcceptedImages, new_bundle: str | Path,
                       old_model: str | None, renamed: dict[str, str] | None = None) -> None:
    """Put in ``result`` (`compare_models`') ``accepted_boxes`` (how many images hold accepted boxes, each
    model's count, those from the current model) and, when some images are a person's and some not,
    ``person_drawn``: both models' figures on the person's alone (scored again: their predictions are
    the same; ``n_images``: those whose boxes a person drew, which the IoU figures are on; ``n_labelled``:
    those whose labels a person gave, which accuracy is on; each of the images scored, one that could not be
    read left out as of the figures), said at the end of the note. ``old_model``: None when it has no figures
    here."""
    if not found.models:
        result["accepted_boxes"], result["person_drawn"] = None, None
        return
    result["accepted_boxes"] = accepted_counts(found)
    result["person_drawn"] = None
    if not found.labelled:
        return
    from petloc_gui.model.comparison import score_model  # (it calls here: imported when used)

    # scored on the images whose labels a person gave; those whose boxes a person drew are among them
    subset = {s.relpath for s in found.person} if len(found.labelled) != len(found.person) else None

    def scored(spec: str | Path, names: dict[str, str] | None) -> tuple[dict[str, Any], dict[str, Any]]:
        scores = score_model(spec, found.labelled, subset, names)
        return scores, scores.get("subset", {}) if subset is not None else scores

    new_scores, new_on_boxes = scored(new_bundle, None)
    # the counts of the images the figures are on: an image that could not be read is in neither
    n_person, n_labelled = _count(new_on_boxes), _count(new_scores)
    if not n_labelled:  # none of them could be read: no figures to give (the note's figures are on none either)
        return

    def figures(scores: dict[str, Any], on_boxes: dict[str, Any]) -> dict[str, Any]:
        return {"accuracy": scores.get("accuracy"), **{key: on_boxes.get(key) if n_person else None
                                                        for key in ("mean_iou", "iou_ge_50", "iou_ge_75")}}

    person: dict[str, Any] = {"n_images": n_person, "n_labelled": n_labelled,
                              "new": figures(new_scores, new_on_boxes), "old": None}
    if old_model:
        # scored on every image just before: a failure now is said there already (nothing to add here)
        with contextlib.suppress(Exception):
            person["old"] = figures(*scored(old_model, renamed))
    result["person_drawn"] = person
    parts = [f"{who} {_figures(person[key], bool(n_person))}"
             for key, who in (("old", "current model"), ("new", "new model")) if person[key] is not None]
    if not n_person:
        why = "every box a model's" if not found.person else "none whose boxes a person drew could be read"
        on = f"the {counted(n_labelled, 'validation image')} whose labels a person gave ({why})"
    elif n_labelled != n_person:
        on = (f"the {counted(n_person, 'validation image')} whose boxes a person drew (accuracy: on the {n_labelled} "
              "whose labels a person gave)")
    else:
        on = f"the {counted(n_person, 'validation image')} whose boxes a person drew"
    # the note counted them among the person's images (`accepted_in`): said why the figures are on fewer
    unread = len(found.labelled) - n_labelled
    left_out = f" ({unread} more could not be read, so {'it is' if unread == 1 else 'they are'} left out)" \
        if unread else ""
    result["note"] = f"{result.get('note', '')} On {on}{left_out}: {'; '.join(parts)}.".strip()


def _count(scores: dict[str, Any]) -> int:
    """How many images ``scores`` (`comparison.score_model`'s) are on: those that could be predicted."""
    n = scores.get("n_images")
    return n if isinstance(n, int) else 0


def _figures(scores: dict[str, Any], boxes: bool = True) -> str:
    """The figures as the note gives them; ``boxes``: False when only accuracy is on a person's work."""
    def num(key: str) -> str:
        value = scores.get(key)
        return "—" if value is None or value != value else f"{value:.3f}"

    if not boxes:
        return f"accuracy {num('accuracy')}"
    return f"accuracy {num('accuracy')}, mean IoU {num('mean_iou')}, IoU ≥ 0.5 {num('iou_ge_50')}"
