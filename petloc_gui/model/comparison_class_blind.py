"""The retrain comparison image by image, with the boxes on the images the current model cannot name compared
class-blind.

The best-gt rule (`core.metrics.best_gt_match`, the table's figures, as `petloc evaluate`'s) scores a box
IoU 0 when its class is none of the photo's. On an image whose every label is a class the current model
lacks (`class_renames.cannot_be_right`: a fine-tune on new classes), its box scores 0 however well it fits,
so the new model's box "fitted better" on every such image: the digits model fine-tuned on a folder of
other classes was credited with better boxes on 32 images whose digits boxes were right. There the paired
record (`core.paired_stats`, the window's verdict) measures both models' boxes against the object each
overlaps most, whatever its class (the class is compared apart, image by image); the record counts those
images (``class_blind``) and the verdict says so. No Qt; numpy only (`core.metrics`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from petloc_gui.core.metrics import best_gt_match, class_blind_iou
from petloc_gui.core.paired_stats import paired_on
from petloc_gui.model.class_renames import cannot_be_right, known_classes

RECORD_KEY = "class_blind"  # in the paired record: how many of its images had their boxes compared class-blind


def image_result(objects: Sequence[tuple[str, Any]], label: str, box: Any) -> list[Any]:
    """One prediction on one photo (its ``objects``, [(label, box), ...]): [class right, IoU by the best-gt
    rule, class-blind IoU (against the object the box overlaps most, whatever its class)]."""
    match = best_gt_match(objects, label, box)
    return [bool(match.same_class), float(match.iou), class_blind_iou(objects, box)]


def unknown_to(class_names: Any, renamed: Mapping[str, str], samples: Sequence[Any]) -> set[str]:
    """The relpaths of ``samples`` (`data.Sample`) whose every label is a class the current model lacks
    (``class_names``: its meta.json's; ``renamed``: those it knows by an old name); none when its classes
    are not known."""
    if not isinstance(class_names, list):
        return set()
    known = known_classes([str(name) for name in class_names], renamed)
    return {s.relpath for s in samples if cannot_be_right({label for label, _ in s.ground_truth}, known)}


def paired_class_blind(old: Mapping[str, Sequence[Any]] | None, new: Mapping[str, Sequence[Any]] | None,
                       images: Sequence[str], blind: Collection[str]) -> dict[str, Any] | None:
    """`core.paired_stats.paired_on` of the two models' per-image results (`image_result`) on ``images``,
    the IoU class-blind on those of ``blind`` (`unknown_to`); with ``class_blind``, how many of the
    paired images those are (0: none). None as `paired_on` gives it."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return None
    shared = [image for image in images if image in old and image in new]
    on_blind = [image for image in shared if image in blind]
    record = paired_on(_blind_iou(old, on_blind), _blind_iou(new, on_blind), images)
    if record is not None:
        record[RECORD_KEY] = len(on_blind)
    return record


def _blind_iou(results: Mapping[str, Sequence[Any]], images: Collection[str]) -> dict[str, Sequence[Any]]:
    """``results`` ({image: [class right, IoU, class-blind IoU]}) with the class-blind IoU as the IoU on
    ``images``."""
    return {image: [result[0], result[2]] if image in images else result for image, result in results.items()}
