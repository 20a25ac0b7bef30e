"""The retrain comparison image by image: the class judged by the class alone, the box by the box alone.

The best-gt rule (`core.metrics.best_gt_match`, the table's figures, as `petloc evaluate`'s) scores a box
only against an object of its own class, IoU 0 when the photo has none. Image by image that reads a class
change as a box change: a digits fine-tune that turned one "8" into the right "9" with a slightly looser
box (IoU 0.907 -> 0.888) was counted "its box fits better" (0 -> 0.888) and "lifts 1 to IoU ≥ 0.5", and its
mean IoU change came out -0.001, "no clear difference", where every box but 6 of 21 fitted worse (-0.044,
beyond chance). So the paired record (`core.paired_stats`, the window's verdict) compares the classes by
the McNemar test alone and every image's boxes class-blind: each model's box against the object it overlaps
most, whatever its class (`core.metrics.class_blind_iou`), on every image (on images of classes the current
model lacks, as before, its boxes score 0 in the table however well they fit). The record also counts, for
each model, the images whose table IoU is below that box fit for the class alone (``table_iou_lower``), so
the verdict can say why its box fit and the table's mean IoU disagree. No Qt; numpy only (`core.metrics`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from petloc_gui.core.metrics import best_gt_match, class_blind_iou
from petloc_gui.core.paired_stats import SAME_IOU, paired_on

# in the paired record: per model ("old", "new"), the images whose best-gt IoU (the table's) is below its
# class-blind IoU (the verdict's box fit) because of its class
RECORD_KEY = "table_iou_lower"


def image_result(objects: Sequence[tuple[str, Any]], label: str, box: Any) -> list[Any]:
    """One prediction on one photo (its ``objects``, [(label, box), ...]): [class right, IoU by the best-gt
    rule, class-blind IoU (against the object the box overlaps most, whatever its class)]."""
    match = best_gt_match(objects, label, box)
    return [bool(match.same_class), float(match.iou), class_blind_iou(objects, box)]


def paired_class_blind(old: Mapping[str, Sequence[Any]] | None, new: Mapping[str, Sequence[Any]] | None,
                       images: Sequence[str]) -> dict[str, Any] | None:
    """`core.paired_stats.paired_on` of the two models' per-image results (`image_result`) on ``images``:
    the class right or not, and the class-blind IoU as the box's; with `RECORD_KEY`. None as `paired_on`
    gives it."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return None
    record = paired_on(_box_fit(old), _box_fit(new), images)
    if record is not None:
        shared = [image for image in images if image in old and image in new]
        record[RECORD_KEY] = {"old": _table_lower(old, shared), "new": _table_lower(new, shared)}
    return record


def _box_fit(results: Mapping[str, Sequence[Any]]) -> dict[str, Sequence[Any]]:
    """``results`` ({image: [class right, IoU, class-blind IoU]}) as {image: [class right, class-blind IoU]}."""
    return {image: [result[0], result[2]] for image, result in results.items()}


def _table_lower(results: Mapping[str, Sequence[Any]], images: Sequence[str]) -> int:
    """How many of ``images`` score lower by the best-gt rule than class-blind (by at least the `SAME_IOU` the
    window shows): a wrong class, or a box on an object of another class than its own."""
    return sum(1 for image in images if float(results[image][1]) <= float(results[image][2]) - SAME_IOU)
