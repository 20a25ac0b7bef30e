"""Experiment driver (issue 9): train a crop-and-refine second stage on top of an existing
pets bundle and print the cascade's validation figures (never the test photos).

    python benchmarks/exp_refine.py BUNDLE --out DIR [--size 160] [--margin 1.5] [--epochs 40]
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

from petloc_gui.core.paths import shared_dir  # noqa: E402
from petloc_gui.model.refine_training import RefineConfig, train_refiner, write_refiner  # noqa: E402


def progress(event: dict) -> None:
    if event["event"] == "epoch":
        print(f"  epoch {event['epoch']}/{event['epochs']} loss {event['loss']:.3f} val_acc {event['val_accuracy']:.3f} "
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
    args = parser.parse_args()
    data = shared_dir() / "data" / "oxford-pets-3breeds"
    config = RefineConfig(input_size=(args.size, args.size), margin=args.margin, epochs=args.epochs,
                          crops_per_photo=args.crops, patience=args.patience, box_head=args.head)
    result = train_refiner(args.bundle, data, config, on_event=progress)
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.bundle, args.out)
    write_refiner(args.out, result, with_tflite=False)
    print("written", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
