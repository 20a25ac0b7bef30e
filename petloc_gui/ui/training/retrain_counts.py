"""The counts the Retrain dialog says: the folder's annotated images, the boxes a run trains on by class, its
images by their first box's class. Counted as `petloc train` counts them, on what the run reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from petloc_gui.model.data import Sample


def count_annotated(dataset: Any) -> int | None:
    """How many items of the dataset have a saved annotation (None if unknown)."""
    count = getattr(dataset, "annotated_count", None)
    if isinstance(count, int):
        return count
    items = getattr(dataset, "items", None)
    if items is None:
        return None
    try:
        return sum(1 for item in items if getattr(item, "has_annotation", False))
    except Exception:  # noqa: BLE001 - a count is only informative
        return None



def box_counts(samples: Iterable[Sample]) -> dict[str, dict[str, int]]:
    """`Holdout`'s ``box_counts`` and ``prelabel_box_counts`` of ``samples`` (those a run trains on: not the
    pre-labels it leaves out as their model did not know a class): every box's label, as `petloc train`
    counts them for its refusal of a class typed two ways."""
    reviewed: Counter[str] = Counter()
    prelabels: Counter[str] = Counter()
    for sample in samples:
        (prelabels if sample.prelabel else reviewed).update(name for name, _ in sample.ground_truth)
    return {"box_counts": dict(reviewed), "prelabel_box_counts": dict(prelabels)}


def first_box_counts(samples: Iterable[Sample]) -> dict[str, dict[str, int]]:
    """`Holdout`'s ``images_by_class`` and ``prelabel_images_by_class`` of ``samples`` (those a run trains on,
    after its check of the images): each image counted once, by its first box's label (`Sample.label`), as
    `petloc train` counts them for its warning of thin classes; a class on later boxes only is not counted."""
    reviewed: Counter[str] = Counter()
    prelabels: Counter[str] = Counter()
    for sample in samples:
        (prelabels if sample.prelabel else reviewed)[sample.label] += 1
    return {"images_by_class": dict(reviewed), "prelabel_images_by_class": dict(prelabels)}
