"""The classes a model's figures say nothing of: none of the images they were measured on is of them.

A run's figures are on a few held-out images; a class with few images, or one
just added for a fine-tune, can have none among them, and then accuracy and
IoU say nothing of how the model does on it. `petloc train`'s closing lines
(`cli.train_report`) and the retrain comparison (`model.comparison`, the
Retraining window) name such classes, in the same words. No Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from petloc_gui.core.text import counted, first_of, visible

SHOWN = 8  # class names in the sentence; the record keeps them all


def classes_not_scored(class_names: Sequence[str], labels_of_images: Iterable[Collection[str]]) -> list[str]:
    """Those of ``class_names`` (in their order) that no image's labels (``labels_of_images``: the
    classes of each image's objects) name."""
    seen = {label for labels in labels_of_images for label in labels}
    return [name for name in class_names if name not in seen]


def classes_without_count(metrics: dict[str, Any]) -> list[str]:
    """The classes that figures (`core.metrics.evaluate_objects`: ``class_names``, ``per_class``) were
    measured on no image of (count 0); none when they record no classes or were measured on no image."""
    per_class, names = metrics.get("per_class"), metrics.get("class_names")
    if not isinstance(per_class, dict) or not metrics.get("n_images"):
        return []
    order = [str(n) for n in names] if isinstance(names, list) else sorted(map(str, per_class))
    return [name for name in order if isinstance(per_class.get(name), dict) and per_class[name].get("count") == 0]


def not_scored_sentence(missing: Sequence[str], n_images: int, n_classes: int, new: Collection[str] = (),
                        model: str = "the model") -> str:
    """"No image of 2 of the 5 classes (star: new; triangle) is among the 4 these figures are on: they
    say nothing of how the model does on them." ``new``: classes just added (said first, each marked);
    "" when nothing is ``missing``."""
    if not missing:
        return ""
    ordered = [name for name in missing if name in new] + [name for name in missing if name not in new]
    named = first_of([visible(name) + (" (new)" if name in new else "") for name in ordered], SHOWN)
    which = (f"the class {named}" if len(missing) == 1
             else f"{len(missing)} of the {n_classes} classes ({named})")
    return (f"No image of {which} is among the {counted(n_images, 'image')} these figures are on: they say "
            f"nothing of how {model} does on {'it' if len(missing) == 1 else 'them'}.")
