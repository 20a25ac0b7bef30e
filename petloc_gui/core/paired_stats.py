"""Two models on the same images, image by image: what the figures' differences are worth.

Whether one model is better than another on a few dozen images is a question
about the images where they differ: those only one of them classifies right,
those whose box only one of them fits, and how much the IoU moves on each.
The paired figures here are the retrain comparison's (`model.comparison`,
the Retraining window's verdict) and `benchmarks/paired_compare.py`'s: the
exact two-sided McNemar (sign) test of the images only one model gets right,
and a paired sign-flip permutation test of the IoU changes (`sign_flip_p`),
shown with a 95% bootstrap interval over images of the mean IoU change. The
class is judged by its test alone: the IoU given here should be the box's
whatever its class (the comparison's is class-blind,
`model.comparison_class_blind`), or a class fixed reads as a box from IoU 0
that fits better and a box regression hides behind it (ADR 0010). Below
`MIN_IMAGES` no verdict is given at all: no sign test can reach 5% on fewer
than six images that differ. The mean IoU verdict is the permutation test's,
not the interval's: on 20-40 images where a few change a lot, the percentile
bootstrap's interval is too narrow (20 images, 4 of them +0.3: interval
+0.015 to +0.120, yet a split that uneven of 4 changes comes by chance in
2 of 16 sign patterns), and it told a difference on 9.4% of such cases where
none was (ADR 0010). No Qt, no TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import comb
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where it computes: app.model_metrics takes MIN_IMAGES at start-up
    import numpy as np

MIN_IMAGES = 20  # fewer paired images: "too few to tell", whatever the tests say
ALPHA = 0.05  # a difference is told when chance alone would give one as large this rarely (two-sided)
RESAMPLES = 10_000
CHUNK_VALUES = 1_000_000  # resampled values held at once by `bootstrap_interval` (8 MB of indices)
SIGN_FLIPS_EXACT = 16  # up to this many changed images, every sign pattern is counted (2**16 = 65,536)
SIGN_FLIP_DRAWS = 20_000  # more: this many random patterns (seed 0); the p it gives is within ~0.0015 at 0.05
SAME_IOU = 0.0005  # IoU changes smaller than this read as none, per image and on the mean (the window shows 3 decimals)
FIGURES = ("accuracy", "mean_iou", "iou_ge_50")  # the headline figures a verdict is on
TOO_FEW, UNCLEAR, BETTER, WORSE = "too few", "unclear", "better", "worse"


def mcnemar_p(only_a: int, only_b: int) -> float:
    """Exact two-sided McNemar p: the chance of a split at least this uneven of the discordant images."""
    n = only_a + only_b
    if n == 0:
        return 1.0
    tail = sum(comb(n, i) for i in range(min(only_a, only_b) + 1)) / 2**n
    return min(1.0, 2 * tail)


def bootstrap_interval(diff: np.ndarray, resamples: int = RESAMPLES) -> tuple[float, float]:
    """95% bootstrap interval of the mean of per-image differences (images resampled, seed 0)."""
    import numpy as np

    rng = np.random.default_rng(0)
    n = len(diff)
    # Resampled a block of rows at a time: all at once held resamples x n indices and as many values
    # (10,000 paired images: 1.6 GB at the end of a run). An even number of rows keeps each block's draw
    # a whole number of 64-bit words, so the blocks draw exactly the numbers one call would.
    rows = max(2, CHUNK_VALUES // max(n, 1) // 2 * 2)
    resampled = np.concatenate([diff[rng.integers(0, n, (min(rows, resamples - start), n))].mean(axis=1)
                                for start in range(0, resamples, rows)])
    low, high = np.percentile(resampled, [2.5, 97.5])
    return float(low), float(high)


def sign_flip_p(diff: np.ndarray, draws: int = SIGN_FLIP_DRAWS) -> float:
    """Two-sided paired sign-flip permutation p of the mean of per-image differences: the share of sign
    patterns (each image's difference kept or negated) whose sum is at least as far from 0 as the observed
    one. Where neither model is better, which of the two gave an image's result is a coin toss, so every
    pattern is as likely as the observed one. Zero differences flip to themselves and drop out. Exact on up
    to `SIGN_FLIPS_EXACT` nonzero differences; else ``(hits + 1) / (draws + 1)`` of random patterns (seed 0),
    which never falls below the exact p by more than the draws' own error."""
    import numpy as np

    changed = np.asarray(diff, np.float64)
    changed = changed[changed != 0]
    k = len(changed)
    if k == 0:
        return 1.0
    total = float(changed.sum())
    # a pattern's sum equal to the observed one in exact arithmetic can differ in its last bits (0.3 + 0.3 - 0.3
    # against 0.3): counted as at least as far, or ties would make the test claim more than it holds
    reach = abs(total) - 1e-9 * float(np.abs(changed).sum())
    if k <= SIGN_FLIPS_EXACT:
        flipped = (np.arange(2**k)[:, None] >> np.arange(k)) & 1  # row i: the images bit i negates
        return float(np.mean(np.abs(total - 2 * (flipped @ changed)) >= reach))
    rng = np.random.default_rng(0)
    rows = max(1, CHUNK_VALUES // k)  # a block of patterns at a time, as `bootstrap_interval`: bounded on many images
    hits = sum(int(np.sum(np.abs(total - 2 * (rng.integers(0, 2, (min(rows, draws - start), k), np.int8)
                                               @ changed)) >= reach))
               for start in range(0, draws, rows))
    return (hits + 1) / (draws + 1)


def paired_comparison(old_right: Sequence[bool], new_right: Sequence[bool], old_iou: Sequence[float],
                      new_iou: Sequence[float], min_images: int = MIN_IMAGES) -> dict[str, Any]:
    """The paired record of two models on the same images (``old_*``, ``new_*``: per image, whether its
    class is right and its box's IoU, the class aside: see the module's docstring), JSON-ready:
    ``n_images``; ``class`` (``new_only``, ``old_only`` right, ``both``, ``neither``, McNemar ``p``); ``iou``
    (``higher``, ``lower``, ``same`` for the new model, ``mean_change``, its 95% bootstrap ``interval``, the
    sign-flip ``p``); ``iou_ge_50`` (``gained``, ``lost``, ``p``); and ``evidence``: for each of `FIGURES`,
    `BETTER` / `WORSE` (for the new model) when the test tells it at `ALPHA` (mean IoU: `sign_flip_p` of the
    changes that read as changes, and a mean change beyond ±`SAME_IOU`), `UNCLEAR` when it does not,
    `TOO_FEW` for all below ``min_images`` images."""
    import numpy as np

    a_right, b_right = np.asarray(old_right, bool), np.asarray(new_right, bool)
    a_iou, b_iou = np.asarray(old_iou, np.float64), np.asarray(new_iou, np.float64)
    n = len(a_right)
    if not (len(b_right) == len(a_iou) == len(b_iou) == n):
        raise ValueError("the two models' per-image results differ in length")
    new_only, old_only = int(np.sum(b_right & ~a_right)), int(np.sum(a_right & ~b_right))
    diff = b_iou - a_iou
    low, high = bootstrap_interval(diff) if n else (0.0, 0.0)
    mean_change = float(diff.mean()) if n else 0.0
    # an image whose IoU moved less than SAME_IOU reads as "the same" in the window's counts: no evidence either way
    iou_p = sign_flip_p(np.where(np.abs(diff) < SAME_IOU, 0.0, diff))
    gained, lost = int(np.sum((a_iou < 0.5) & (b_iou >= 0.5))), int(np.sum((a_iou >= 0.5) & (b_iou < 0.5)))
    record: dict[str, Any] = {
        "n_images": n,
        "class": {"new_only": new_only, "old_only": old_only, "both": int(np.sum(a_right & b_right)),
                  "neither": int(np.sum(~a_right & ~b_right)), "p": mcnemar_p(old_only, new_only)},
        "iou": {"higher": int(np.sum(diff >= SAME_IOU)), "lower": int(np.sum(diff <= -SAME_IOU)),
                "same": int(np.sum(np.abs(diff) < SAME_IOU)), "mean_change": mean_change,
                "interval": [low, high], "p": iou_p},
        "iou_ge_50": {"gained": gained, "lost": lost, "p": mcnemar_p(lost, gained)},
        "min_images": min_images,
    }
    if n < min_images:
        record["evidence"] = dict.fromkeys(FIGURES, TOO_FEW)
        return record
    # a mean IoU change is told only when the test tells it and the mean itself reads as a change (`SAME_IOU`):
    # 6 of 30 images up by 0.0006 and none down is p = 2/64, yet the mean change shows as +0.000
    iou_told = iou_p < ALPHA and abs(mean_change) >= SAME_IOU
    told = record["class"]["p"] < ALPHA, iou_told, record["iou_ge_50"]["p"] < ALPHA
    signs = new_only - old_only, mean_change, gained - lost
    record["evidence"] = {figure: (BETTER if sign > 0 else WORSE) if is_told else UNCLEAR
                          for figure, is_told, sign in zip(FIGURES, told, signs, strict=True)}
    return record


def paired_on(old: Mapping[str, Sequence[Any]] | None, new: Mapping[str, Sequence[Any]] | None,
              images: Sequence[str], min_images: int = MIN_IMAGES) -> dict[str, Any] | None:
    """`paired_comparison` of two models' per-image results (``{image: (class right, box IoU)}``) on those of
    ``images`` both were scored on; None when either has no such record or none is shared."""
    if not isinstance(old, Mapping) or not isinstance(new, Mapping):
        return None
    shared = [image for image in images if image in old and image in new]
    if not shared:
        return None
    return paired_comparison([bool(old[i][0]) for i in shared], [bool(new[i][0]) for i in shared],
                             [float(old[i][1]) for i in shared], [float(new[i][1]) for i in shared], min_images)
