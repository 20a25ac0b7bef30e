"""Experiment driver (issue 8 follow-up): a digits recipe variant on a large validation split.

The 199 validation digits of the bundled split move by a whole point between
two trainings of one recipe, so recipe questions are asked here on a quarter
of the 4,000 training digits (1,006, held out by the same path hash whatever
the training seed) and never on the test digits:

    petloc digits /tmp/s6/de/data --split train --seed 0
    python benchmarks/exp_digits.py /tmp/s6/de/data --out /tmp/s6/de/A [--seed S] [--epochs N] [--weight-ema M]

trains the digits preset (with the changes given) on the other 2,994 and
writes the bundle to OUT and its validation digits, as links, to
OUT-validation, the folder to compare two such runs image by image:

    python benchmarks/paired_compare.py /tmp/s6/de/A /tmp/s6/de/B /tmp/s6/de/A-validation
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from preset_variant import use_variant

VAL_FRACTION = 0.25
SPLIT_SEED = 0  # the hash seed of the split: every run validates on the same digits


def main(argv: list[str] | None = None) -> int:
    from petloc_gui.model import splits
    from petloc_gui.model.bundle import read_meta
    from petloc_gui.model.training import TrainConfig, train

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the training digits (petloc digits DIR --split train --seed 0)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0, help="training seed (weights, placements, shuffles)")
    parser.add_argument("--epochs", type=int, default=None, help="default: the preset's")
    parser.add_argument("--weight-ema", type=float, default=None, help="the digits preset's weight_ema")
    args = parser.parse_args(argv)
    use_variant("digits", weight_ema=args.weight_ema)
    # TrainConfig.seed also seeds the split; here only training varies with it
    split_key = splits.split_key
    splits.split_key = lambda relpath, seed=0: split_key(relpath, SPLIT_SEED)

    def show(event: dict) -> None:
        if event.get("event") == "epoch":
            print(json.dumps({k: event.get(k) for k in ("epoch", "val_accuracy", "val_mean_iou", "best_epoch")}),
                  flush=True)

    bundle = train(args.data, TrainConfig(preset="digits", val_fraction=VAL_FRACTION, out_dir=str(args.out),
                                          seed=args.seed, epochs=args.epochs), on_event=show)
    validation = args.out.with_name(args.out.name + "-validation")
    validation.mkdir(exist_ok=True)
    for relpath in read_meta(bundle)["validation_split"]["images"]:
        for source in (args.data / relpath, (args.data / relpath).with_suffix(".xml")):
            link = validation / source.name
            if not link.exists():
                link.symlink_to(source.resolve())
    print(f"bundle {bundle}; validation digits linked in {validation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
