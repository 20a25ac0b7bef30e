"""The hints `petloc evaluate` gives on labels the model does not know: which kind of label a model
learned (`--label default|breed`), when it is run with the other kind (a model trained on breeds,
evaluated on the VOC object names ("cat"), finds every label unknown and scores 0 without saying why);
and which unknown labels are one of its classes spelled another way ("ABYSSINIAN", "abyssinian")."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from petloc_gui.core.label_variants import same_class, shown_apart
from petloc_gui.core.natural_order import natural_order
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


def spelling_hint(unknown: Iterable[str], class_names: Sequence[str]) -> str | None:
    """Which of the ``unknown`` labels are a class of the model spelled another way (case, spacing or
    Unicode form: `core.label_variants.same_class`, the rule `petloc stats` and `train` use), each with
    the model's spelling, and how to have them scored; None when none is. Labels are compared exactly,
    so "ABYSSINIAN" boxes are counted wrong against a model that predicts "abyssinian" on them. Each name
    `isolated` within its quotes, for `error`'s ``names_isolated``."""
    # `same_class`: the Turkish dotless-i pairs too (as `train` groups them)
    spellings = [(label, [name for name in class_names if same_class(label, name)])
                 for label in natural_order(unknown) if label]
    matches = [(label, names) for label, names in spellings if names]
    if not matches:
        return None
    # "été" (decomposed) beside "été"; each name set apart: the hint ends the line naming the unknown labels,
    # printed with its names isolated (`cmd_evaluate`), where a Hebrew one moved the quotes and words around it
    labels = _and([shown_apart(label, names, set_apart=True) for label, names in matches])
    theirs = _and([" or ".join(shown_apart(name, [label], set_apart=True) for name in names)
                   for label, names in matches])
    one = len(matches) == 1
    return (f"{labels} {'is' if one else 'are'} the model's {'class' if one else 'classes'} {theirs} spelled "
            "another way (case, spacing or Unicode form): give the boxes the model's spelling to have them "
            "scored (the window's Edit → Classes…, Ctrl+L, renames a class on every box of the folder)")


def _and(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
