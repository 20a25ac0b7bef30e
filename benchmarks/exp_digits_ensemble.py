"""Experiment scorer (issue 8, digits diagnostic EN): the average of several trainings of a digits recipe.

For each NAME, the bundles DIR/NAME_s* (one per training seed, from
`exp_digits_pipelines.py train` or a variant driver) predict the validation
digits DIR/V through the shipped runtime as `petloc evaluate` does; their class
probabilities and box corners are averaged per image (an ensemble, as one
model of their summed compute would give) and scored by the best-gt rule.
Prints each member, the members' mean and the ensemble:

    python benchmarks/exp_digits_ensemble.py DIR new deeper wd ls

It was judged on the recipe's three seeds and rejected (benchmarks/README.md,
"digits diagnostic EN"), so no ensemble is bundled.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ensemble_scores(out: Path, name: str) -> dict:
    """Members' and ensemble's accuracy and mean IoU on ``out/V`` for the bundles ``out/NAME_s*``."""
    import numpy as np

    from petloc_gui.cli.cmd_evaluate import collect_ground_truth, predict_cases
    from petloc_gui.cli.model_loading import load_predictor, model_for
    from petloc_gui.core.boxes import Box
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.metrics import best_gt_match

    data = out / "V"
    cases, skipped = collect_ground_truth(list(open_dataset(data).items), "default")
    members = sorted(b for b in out.glob(f"{name}_s*") if (b / "model.keras").is_file())
    if skipped or not members:
        raise SystemExit(f"{name}: no bundles, or validation digits that cannot be scored")
    runs = []
    for bundle in members:
        predictor, _, _ = load_predictor(model_for(str(bundle), [data]))
        evaluated, failed = predict_cases(predictor, cases, 32)
        if failed:
            raise SystemExit(f"{bundle}: not every digit could be predicted: {failed[:3]}")
        runs.append([p for _, _, p in evaluated])
    objects = [o for _, o, _ in evaluated]

    def scored(labels, boxes) -> tuple[float, float]:
        matches = [best_gt_match(o, label, box) for o, label, box in zip(objects, labels, boxes, strict=True)]
        return float(np.mean([m.same_class for m in matches])), float(np.mean([m.iou for m in matches]))

    singles = [scored([p.label for p in run], [p.box for p in run]) for run in runs]
    classes = sorted(runs[0][0].probabilities)
    probs = np.mean([[[p.probabilities[c] for c in classes] for p in run] for run in runs], axis=0)
    corners = np.mean([[[p.box.xmin, p.box.ymin, p.box.xmax, p.box.ymax] for p in run] for run in runs], axis=0)
    ensemble = scored([classes[i] for i in probs.argmax(axis=1)], [Box(*map(float, c)) for c in corners])
    return {"members": [b.name for b in members], "singles": singles, "ensemble": ensemble, "n": len(objects)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the experiment folder (`exp_digits_pipelines.py split`)")
    parser.add_argument("names", nargs="+")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE.parent))
    for name in args.names:
        r = ensemble_scores(args.out, name)
        mean_acc = sum(a for a, _ in r["singles"]) / len(r["singles"])
        mean_iou = sum(i for _, i in r["singles"]) / len(r["singles"])
        acc, iou = r["ensemble"]
        members = " ".join(f"{m} {a:.4f}/{i:.4f}" for m, (a, i) in zip(r["members"], r["singles"], strict=True))
        print(f"{name}: {members}; mean {mean_acc:.4f}/{mean_iou:.4f}; ensemble {acc:.4f}/{iou:.4f} "
              f"({acc - mean_acc:+.4f} accuracy, {iou - mean_iou:+.4f} IoU; n={r['n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
