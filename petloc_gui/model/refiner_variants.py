"""The ways a two-stage bundle can run its refiner, and the choice among them.

A variant is a key of the refiner's ``validation_variants`` (`refine_training.train_refiner`):
the mirror image or not, one or two passes; `best_variant` picks the one with the best validation
mean IoU within the speed target (`inference.RefineStage` runs it as meta.json ``refine`` says).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A second refinement pass only where the crop around the refined box overlaps the first
# crop by less than this IoU (`inference.RefineStage.repass_below`). Chosen by 4-fold
# cross-validation over the 188 non-test photos (benchmarks/exp_repass.py): 8.5% of the photos
# get a second pass, and the pooled mean IoU is that of a second pass on every photo
# (0.794 vs 0.791; one pass 0.784); thresholds 0.6-0.8 were within 0.002 of each other,
# and the cheapest was taken.
REPASS_BELOW = 0.6


@dataclass(frozen=True)
class Variant:
    """How a bundle runs its refiner: the `validation_variants` key it is scored under."""

    key: str
    flip: bool
    passes: int
    repass_below: float = 1.0  # see `inference.RefineStage`


# On a tie (same figure, same measured cost: no validation photo refined again) the first
# listed wins: the conditional pass, which the cross-validation found better on average.
VARIANTS = (Variant("cascade_repass", False, 2, REPASS_BELOW), Variant("cascade", False, 1),
            Variant("cascade_flip", True, 1), Variant("cascade_twice", False, 2))
# Mean crops per photo the refiner may see (the mirror image and a second pass each count
# one; a conditional second pass counts the share of validation photos that get it).
# On the 2-core CPU the speed targets (<= 3 ms a photo; >= 5x the seed-1 network, both
# stages counted) leave room for about one: with the mirror image too, the networks take
# 1.55 ms against 6.5-6.7 ms for seed-1 on a quiet machine, 4.2-4.3x (benchmarks/inference.md).
REFINER_CROPS_PER_PHOTO = 1.25


def _crops(variant: Variant, variants: dict[str, Any]) -> float:
    extra = variants.get(variant.key, {}).get("repass_share", 1.0) if variant.repass_below < 1.0 else 1.0
    return (2 if variant.flip else 1) * (1 + extra * (variant.passes - 1))


def best_variant(result: dict[str, Any], budget: float = REFINER_CROPS_PER_PHOTO) -> Variant:
    """The variant within ``budget`` refiner crops per photo with the best validation mean IoU
    (ties: the cheaper one; then the first in `VARIANTS`)."""
    variants = result["validation_variants"]
    affordable = [v for v in VARIANTS if v.key in variants and _crops(v, variants) <= max(1.0, budget)]
    return max(affordable, key=lambda v: (round(variants[v.key]["mean_iou"], 4), -_crops(v, variants)))
