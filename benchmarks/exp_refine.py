"""Experiment driver (issue 9): train a crop-and-refine second stage on top of an existing
pets bundle and print the cascade's validation figures (never the test photos).

    python benchmarks/exp_refine.py BUNDLE --out DIR [--size 160]  # crop side (160: R1-R7; shipped: 192)
        [--margin 1.5] [--epochs 40]
        [--scale-max 2.5] [--wide-share 0.3] [--animal-share 0]   # simulated first-stage errors
        [--data FOLDER]   # another dataset folder (the first stage's validation photos still validate)

BUNDLE is a first stage (a bundle with a refiner: its first stage alone is used, the
refiner and its figures are dropped from the copy in DIR).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.paths import shared_dir
from petloc_gui.model.bundle_write import write_meta
from petloc_gui.model.refine_training import RefineConfig, train_refiner, write_refiner


def progress(event: dict) -> None:
    if event["event"] == "epoch":
        print(f"  epoch {event['epoch']}/{event['epochs']} loss {event['loss']:.3f} "
              f"val_acc {event['val_accuracy']:.3f} "
              f"val_miou {event['val_mean_iou']:.3f} ge50 {event['val_iou_ge_50']:.3f} ({event['seconds']} s)",
              flush=True)
    elif event["event"] == "refine_done":
        print(json.dumps({k: v for k, v in event.items() if k != "validation_metrics"}, indent=1), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--size", type=int, default=160)
    parser.add_argument("--margin", type=float, default=1.8)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--crops", type=int, default=2)
    parser.add_argument("--patience", type=int, default=20)
    parser.add_argument("--head", default="soft_argmax")
    parser.add_argument("--scale-max", type=float, default=RefineConfig.scale_range[1],
                        help="largest simulated first-stage box, in head sides (log-uniform share)")
    parser.add_argument("--wide-share", type=float, default=RefineConfig.wide_scale_share,
                        help="share of crops whose scale is log-uniform up to --scale-max")
    parser.add_argument("--animal-share", type=float, default=RefineConfig.animal_share,
                        help="share of crops around a box of much of the animal (2-5x the head, head inside)")
    parser.add_argument("--data", type=Path, default=None,
                        help="dataset folder (default: the shared pets; e.g. one with pseudo-labelled photos)")
    args = parser.parse_args()
    data = args.data or shared_dir() / "data" / "oxford-pets-3breeds"
    config = RefineConfig(input_size=(args.size, args.size), margin=args.margin, epochs=args.epochs,
                          crops_per_photo=args.crops, patience=args.patience, box_head=args.head,
                          scale_range=(RefineConfig.scale_range[0], args.scale_max),
                          wide_scale_share=args.wide_share, animal_share=args.animal_share)
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.bundle, args.out, ignore=shutil.ignore_patterns("refine.*"))
    meta = json.loads((args.out / "meta.json").read_text())
    if meta.pop("refine", None) is not None:  # a two-stage bundle: keep its first stage only
        meta["metrics"] = meta.pop("first_stage_validation_metrics", None) or meta.get("metrics")
        write_meta(args.out, meta)
    result = train_refiner(args.out, data, config, on_event=progress)
    write_refiner(args.out, result, with_tflite=False)
    print("written", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
