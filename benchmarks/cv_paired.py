"""Benchmark: two cascade recipes of one cross-validation, paired photo by photo (issue 9).

    python benchmarks/cv_paired.py DIR NAME_A NAME_B

DIR: an `exp_cv.py` / `exp_repass.py` output folder holding repass_NAME_A.json and
repass_NAME_B.json (every fold photo's IoU under each refiner variant, scored by
models that never trained on it). Prints, per recipe, the pooled figures of the
first stage, one refiner pass and a second pass below each overlap threshold, with
refiner crops per photo; then the one-pass difference B - A with its 95% bootstrap
interval over photos (as `paired_compare.py`) and how many photos B lifts past
IoU 0.5 and drops below it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from paired_compare import bootstrap_interval


def pooled_ious(path: Path) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """``({variant: {photo: IoU}}, {variant: refiner crops per photo})`` over every fold of a repass file."""
    per_fold = json.loads(path.read_text())
    ious: dict[str, dict[str, float]] = {}
    crops: dict[str, float] = {}
    n = sum(len(scores["relpaths"]) for scores in per_fold.values())
    for scores in per_fold.values():
        for variant, values in scores.items():
            if variant == "relpaths":
                continue
            if variant.endswith(" crops"):
                crops[variant[: -len(" crops")]] = crops.get(variant[: -len(" crops")], 0.0) + (
                    values[0] * len(scores["relpaths"]) / n)
            else:
                ious.setdefault(variant, {}).update(zip(scores["relpaths"], values, strict=True))
    return ious, crops


@dataclass(frozen=True)
class PairedDifference:
    """B - A over the same photos: the mean IoU difference, its 95% bootstrap interval, and how
    many photos B lifts past IoU 0.5 and drops below it."""

    mean: float
    low: float
    high: float
    lifted: int
    dropped: int
    better: int  # photos where B's IoU is higher
    worse: int


def paired_difference(a: np.ndarray, b: np.ndarray) -> PairedDifference:
    """`PairedDifference` of per-photo IoUs ``b`` against ``a`` (same photos, same order)."""
    low, high = bootstrap_interval(b - a)
    return PairedDifference(float(np.mean(b - a)), low, high, int(np.sum((a < 0.5) & (b >= 0.5))),
                            int(np.sum((a >= 0.5) & (b < 0.5))), int(np.sum(b > a + 1e-9)), int(np.sum(b < a - 1e-9)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("name_a")
    parser.add_argument("name_b")
    args = parser.parse_args(argv)
    once = []
    for name in (args.name_a, args.name_b):
        ious, crops = pooled_ious(args.out / f"repass_{name}.json")
        print(f"{name}:")
        for variant, by_photo in ious.items():
            if variant in ("first stage", "once") or variant.startswith("repass<"):
                values = np.array(list(by_photo.values()))
                print(f"  {variant:12s} n={len(values)} mean IoU {values.mean():.4f} "
                      f"IoU>=0.5 {np.mean(values >= 0.5):.3f} IoU>=0.75 {np.mean(values >= 0.75):.3f} "
                      f"median {np.median(values):.3f} "
                      f"crops/photo {crops.get(variant, 0.0):.3f}")
        once.append(ious["once"])
    if sorted(once[0]) != sorted(once[1]):
        raise SystemExit("the two recipes were not scored on the same photos")
    photos = sorted(once[0])
    diff = paired_difference(*(np.array([side[p] for p in photos]) for side in once))
    print(f"one pass {args.name_b} - {args.name_a}: {diff.mean:+.4f} (95% bootstrap interval {diff.low:+.4f} .. "
          f"{diff.high:+.4f}); IoU >= 0.5 lifted by B: {diff.lifted}, dropped: {diff.dropped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
