"""How much of a folder's boxes a model knows: the measure of the model choice's third rule
(`app.model_choice`), and of what the window says when a rename drops a model (`ui.review.class_editor`).

A model that does not know every class of a folder is used while it knows the classes of more than
`KNOWN_SHARE` of its boxes. Plain arithmetic over class names and counts: no files, no Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Iterable

# A model that does not know every class of a folder is used while it knows the classes of more than this
# share of its boxes: one new class boxed on a few images keeps it; a folder of new classes, where it
# would predict a wrong class on most images, gets none (so does one of cat and 3: pets and digits tie).
KNOWN_SHARE = 0.5


def knows_enough(names: Iterable[str], labels: Iterable[str], counts: dict[str, int] | None = None) -> bool:
    """Whether a model of classes ``names`` may be used for a folder of classes ``labels`` (boxes per
    class: ``counts``, one each when not given) that it does not all know: it knows the classes of
    more than ``KNOWN_SHARE`` of the boxes."""
    labels = frozenset(labels)
    return boxes_known(names, labels, counts or {}) > KNOWN_SHARE * boxes_known(labels, labels, counts or {})


def boxes_known(names: Iterable[str], labels: frozenset[str], counts: dict[str, int]) -> int:
    """How many of the folder's boxes have a class in ``names`` (a class counted without boxes: one), over the
    classes ``labels`` as the rule weighs them (their total: ``boxes_known(labels, labels, counts)``)."""
    names = set(names)
    return sum(max(counts.get(label, 0), 1) for label in labels if label in names)
