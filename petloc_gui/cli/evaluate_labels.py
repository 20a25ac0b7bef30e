"""Which kind of label a model learned (`--label default|breed`), and the hint `petloc evaluate` gives
when it is run with the other kind: a model trained on breeds, evaluated on the VOC object names
("cat"), finds every label unknown and scores 0 without saying why."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from petloc_gui.model.bundle import trained_label  # no TensorFlow

Cases = Sequence[tuple[Any, Sequence[tuple[str, Any]]]]  # [(image, [(label, box)])], as collect_ground_truth


def label_hint(used: str, cases: Cases, meta: dict[str, Any], class_names: Collection[str],
               cases_with: Callable[[str], Cases]) -> str | None:
    """What to pass when the model learned another kind of label than ``used`` and the folder's images
    (``cases``; ``cases_with(label)`` collects them with the other kind) would then have more labels
    the model knows; None when it would not help."""
    trained = trained_label(meta)
    if trained is None or trained == used:
        return None
    known = set(class_names)
    if _known(cases_with(trained), known) <= _known(cases, known):
        return None
    if trained == "breed":
        return ("the model was trained with --label breed (its classes are the breeds of the dataset's list, "
                "not the VOC object names): pass --label breed")
    return "the model was trained on the VOC object names, not with --label breed: leave out --label breed"


def _known(cases: Cases, known: set[str]) -> int:
    """How many of ``cases`` have only labels the model knows."""
    return sum(all(label in known for label, _ in objects) for _, objects in cases)
