"""The review queue: which image a person should look at next (pure logic, no Qt).

Rule (also in the help dialog and ADR 0005), most suspicious first:

0. ground truth and prediction of the same class whose boxes disagree
   (IoU < ``BOX_DISAGREE_IOU``, best-gt rule of core.metrics), lowest IoU first;
1. ground truth and prediction whose labels disagree, lowest IoU first, then
   lowest confidence;
2. no ground truth, or only a model's unreviewed pre-label (`petloc
   predict --write-voc`; a model agrees with such boxes, so they would
   otherwise rank with the agreeing images), and a prediction: pre-labels
   to confirm, lowest confidence first;
3. ground truth and prediction that agree, lowest IoU first, then lowest
   confidence;
4. images whose image or annotation could not be read (nothing to do in the
   tool but they should not hide), and those whose every box lies outside
   the image (`annotation_store.no_box_left`: one is to be drawn);
5. images without a prediction yet (still being computed);
6. verified images (already reviewed), in name order;
7. images deleted from the folder since it was read (nothing left to review;
   "next to review" passes them by).

Ties keep the order the entries are given in (the file list's natural name
order: img2 before img10), so the queue is stable and agrees with "Sort: name".
"""

from __future__ import annotations

from dataclasses import dataclass

BOX_DISAGREE_IOU = 0.5

TIER_BOX = 0
TIER_LABEL = 1
TIER_PRELABEL = 2
TIER_AGREE = 3
TIER_ERROR = 4
TIER_PENDING = 5
TIER_VERIFIED = 6
TIER_GONE = 7


@dataclass(frozen=True)
class QueueEntry:
    """What the queue needs to know about one image."""

    name: str
    has_gt: bool
    has_prediction: bool
    iou: float | None = None
    labels_agree: bool | None = None
    confidence: float | None = None
    verified: bool = False
    error: bool = False
    prelabel: bool = False  # the ground truth is a model's pre-label nobody has reviewed
    gone: bool = False  # the image file was deleted since the folder was read


def tier(entry: QueueEntry) -> int:
    """The queue tier of one image (see the module docstring)."""
    if entry.gone:
        return TIER_GONE
    if entry.verified:
        return TIER_VERIFIED
    if entry.error:
        return TIER_ERROR
    if not entry.has_prediction:
        return TIER_PENDING
    if not entry.has_gt or entry.prelabel:
        return TIER_PRELABEL
    # A wrong label scores IoU 0 under the best-gt rule (core.metrics.best_gt_match):
    # it keeps its own tier instead of joining the bad boxes.
    if entry.labels_agree is False:
        return TIER_LABEL
    if (entry.iou or 0.0) < BOX_DISAGREE_IOU:
        return TIER_BOX
    return TIER_AGREE


def sort_key(entry: QueueEntry) -> tuple:
    """A key that sorts images into review-queue order (ties: the list's name order, `queue_order.QueueOrder`)."""
    t = tier(entry)
    iou = entry.iou if entry.iou is not None else 0.0
    conf = entry.confidence if entry.confidence is not None else 0.0
    if t == TIER_PRELABEL:
        return (t, conf, 0.0)
    if t in (TIER_BOX, TIER_LABEL, TIER_AGREE):
        return (t, round(iou, 6), conf)
    return (t, 0.0, 0.0)

