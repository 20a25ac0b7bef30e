"""Scored images whose boxes a person accepted unchanged from a model, and how figures on them are told.

A box accepted from a model (`core.voc_provenance`, ADR 0013) is that model's output: the model
scored against it agrees with itself (the bundled pets model: mean IoU 0.819 on 48 test photos with
people's boxes, 0.992 on the same photos with its own boxes accepted). `petloc evaluate` and the
retrain comparison (`model.comparison_accepted`) count such images, say whose boxes they are, and
give the figures on the images whose boxes a person drew apart; both word it here, so they agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.text import counted, isolated
from petloc_gui.core.voc_provenance import name_of, version_of

# Whose boxes, seen from the model scored: its own, its parent's, an earlier ancestor's (its parent's parent
# and so on: the loop digits -> V1 -> V2 leaves V2 validating on digits' boxes, which V1 trained on and V2's
# weights descend from), a model it may descend from (its chain of parents cannot be followed to the end),
# or another model's.
OWN, PARENT, ANCESTOR, UNKNOWN, OTHER = "own", "parent", "ancestor", "unknown", "other"


@dataclass(frozen=True)
class Ancestry:
    """The models a model descends from beyond its parent (its parent's parent first), each as its child's
    meta.json names it (``parent``, and ``parent_version_id`` or the ancestor's own ``version_id``), as
    `model.model_ancestry.ancestry_of` finds them; ``missing``: why the chain stops short of its end (a model
    in it not found, a loop), "" when it is followed to a model trained from scratch."""

    models: tuple[tuple[str, str | None], ...] = ()
    missing: str = ""


class AcceptedModels(frozenset[str]):
    """The models (``model pets (pets-...)``) whose boxes among an image's objects scored a person accepted
    unchanged (`accepted_models`), and of them, in ``with_labels``, those whose label on such a box was
    kept too: a model's box a person relabelled is still the model's box, which IoU scores, but its
    label is a person's, which accuracy scores (review 1, finding 2)."""

    with_labels: frozenset[str]

    def __new__(cls, models: Iterable[str], with_labels: Iterable[str] = ()) -> AcceptedModels:
        found = super().__new__(cls, models)
        found.with_labels = frozenset(with_labels) & found
        return found


def accepted_models(objects: Iterable[Any]) -> AcceptedModels:
    """The models whose boxes among ``objects`` (`VocObject`, those scored) a person accepted unchanged,
    those whose labels too in ``with_labels``; empty when every box is a person's."""
    objects = list(objects)
    return AcceptedModels((model for obj in objects if (model := getattr(obj, "accepted_from", None))),
                          (model for obj in objects if (model := getattr(obj, "label_accepted_from", None))))


def labels_accepted(models: frozenset[str]) -> frozenset[str]:
    """The models whose labels an image holds accepted unchanged: `AcceptedModels.with_labels`; of a plain
    set of models (nothing known of their labels), all of them, as a box's mark said of both."""
    return models.with_labels if isinstance(models, AcceptedModels) else models


def _names(spec: object, version_id: object) -> set[str]:
    """What a model is called: the spec given (``pets``, a folder), its folder's name, its version id."""
    names = {str(version_id)} if version_id else set()
    if spec:
        names |= {str(spec), Path(str(spec)).name}
    return names - {""}


def _names_it(phrase: str, names: set[str], version_id: object) -> bool:
    version = version_of(phrase)
    if version is not None:  # a version id recorded: the same model only by it
        return bool(version_id) and version == str(version_id)
    # "pets" (bundled), a folder's name or a stored version's id; "pets pets-2026..." (the window's old name of a
    # stored version, without its version) by either word
    name = name_of(phrase)
    return bool(name) and (name in names or bool(names & set(name.split())))


def relation(phrase: str, meta: Mapping[str, Any] | None, *specs: object, ancestry: Ancestry | None = None) -> str:
    """Whose boxes ``phrase``'s model gave, seen from the model of ``meta`` (its name(s): ``specs``):
    `OWN` (that model), `PARENT` (the model it was fine-tuned from: meta.json ``parent`` /
    ``parent_version_id``), `ANCESTOR` (one of ``ancestry``'s models), `UNKNOWN` (none of them, but the
    chain of ancestors stops short: it may be one) or `OTHER`. Without ``ancestry`` (not looked up), a model
    beyond the parent is `OTHER`."""
    meta = meta or {}
    version_id = meta.get("version_id")
    own = set().union(*(_names(spec, version_id) for spec in specs)) if specs else _names(None, version_id)
    if _names_it(phrase, own, version_id):
        return OWN
    parent_version = meta.get("parent_version_id")
    parent = _names(meta.get("parent"), parent_version)
    if parent and _names_it(phrase, parent, parent_version):
        return PARENT
    if ancestry is None:
        return OTHER
    if any(_names_it(phrase, _names(spec, version), version) for spec, version in ancestry.models):
        return ANCESTOR
    return UNKNOWN if ancestry.missing else OTHER


def accepted_sentences(per_image: Iterable[frozenset[str]], total: int, relations: Mapping[str, str],
                       role: str, images: str = "scored images", role_scored: bool = True,
                       ancestry: Ancestry | None = None) -> list[str]:
    """One sentence per model whose boxes were accepted unchanged on some of ``total`` images
    (``per_image``: each image's models, `accepted_models`), most images first: "N of the M scored images
    have boxes accepted unchanged from model X, the model evaluated: its figures on them are its own
    boxes". ``relations``: each model's `relation` to the model called ``role``; ``role_scored``: False
    when that model has no figures here (the retrain comparison's current model could not be scored):
    the model is still named as its own or its parent, and what is said is of the figures there are.
    ``ancestry``: the one ``relations`` were found with (`UNKNOWN` says why its chain stops short). Each model
    is set apart (`isolated`), for a stderr line whose isolates are kept (`cli.output.error`'s ``names_isolated``)
    and for the window (Qt lays the isolates out)."""
    per_image = list(per_image)
    counts = Counter(model for models in per_image for model in models)
    # images holding a model's box whose label a person corrected (none of that model's labels kept there)
    relabelled = Counter(model for models in per_image for model in models - labels_accepted(models))
    descends = f", which {role} descends from through the model it was fine-tuned from"
    why = ancestry.missing if ancestry is not None and ancestry.missing else "its chain of parents is not known"
    maybe = f", which {role} may descend from ({why})"
    sentences = []
    for model, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if n < total:
            which = f"{n} of the {total} {images} {'has' if n == 1 else 'have'}"
        else:
            which = f"the {images.removesuffix('s')} has" if n == 1 else f"all {n} {images} have"
        # set apart: a Hebrew model name took the line's direction in a terminal that lays out bidi text
        head = f"{which} boxes accepted unchanged from {isolated(model)}"
        kind = relations.get(model, OTHER)
        them = "it" if n == 1 else "them"
        if not role_scored:  # no figures of the model called role: the ones there are measure agreement
            whose = {OWN: f", {role}", PARENT: f", which {role} was fine-tuned from", ANCESTOR: descends,
                     UNKNOWN: maybe}.get(kind, "")
            boxes = "its boxes" if kind == OWN else "that model's boxes"
            sentences.append(f"{head}{whose}: figures on {them} measure agreement with {boxes}, not a person's")
        elif kind == OWN:
            sentences.append(f"{head}, {role}: its figures on {them} are its own boxes")
        elif kind == PARENT:
            sentences.append(f"{head}, which {role} was fine-tuned from: its figures on {them} flatter it")
        elif kind == ANCESTOR:  # its weights descend from that model's, and its parent trained on those boxes
            sentences.append(f"{head}{descends}: its figures on {them} flatter it")
        elif kind == UNKNOWN:
            sentences.append(f"{head}{maybe}: figures on {them} measure agreement with that model's boxes, not a "
                             "person's, and may flatter it")
        else:
            sentences.append(f"{head}: figures on {them} measure agreement with that model's boxes, not a person's")
        if r := relabelled[model]:
            on = "it" if n == 1 else "all of them" if r == n else f"{r} of them"
            sentences[-1] += (f", but a person corrected the label on {on}, so accuracy there is against a "
                              "person's label")
    return sentences


def person_part(n_person: int, n_labelled: int | None = None) -> str:
    """What is said of the images whose boxes a person drew (``n_person``) and of those whose labels a person
    gave (``n_labelled``, those and the ones with a model's box relabelled; None: the same images): their
    figures are given apart (accuracy on the second), or none is."""
    n_labelled = n_person if n_labelled is None else n_labelled
    if n_person:
        accuracy = f", and accuracy on the {n_labelled} whose labels a person gave," if n_labelled != n_person else ""
        return f"the figures on the {counted(n_person, 'image')} whose boxes a person drew{accuracy} are given apart"
    if n_labelled:
        return ("no image scored has only boxes a person drew, so no IoU figure here is against a person's boxes; "
                f"accuracy on the {counted(n_labelled, 'image')} whose labels a person gave is given apart")
    return "no image scored has only boxes a person drew, so no figure here is against a person's boxes"
