"""Experiment driver (issue 9): train a pets first stage with a recipe variant, validation only.

    python benchmarks/exp_stage1.py --out DIR --exclude-list FILE [--head edges] [--epochs N]
        [--data FOLDER --train-only FILE]   # self-training: pseudo-labelled photos that only train
        [--zoom-out P]   # share of photos shrunk onto their own canvas (augment.zoom_placement)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from preset_variant import use_variant

from petloc_gui.core.paths import shared_dir
from petloc_gui.model import presets
from petloc_gui.model.training import TrainConfig, train


def progress(event: dict) -> None:
    if event["event"] == "epoch":
        print(f"  epoch {event['epoch']}/{event['epochs']} loss {event['loss']:.3f} "
              f"val_acc {event['val_accuracy']:.3f} "
              f"val_miou {event['val_mean_iou']:.3f} ({event['seconds']} s)", flush=True)
    elif event["event"] == "done":
        print("done", event["bundle"], event["metrics"].get("mean_iou"), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--exclude-list", type=Path, required=True)
    parser.add_argument("--head", default=presets.PETS.box_head)
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--label", default="default")
    parser.add_argument("--zoom-out", type=float, default=presets.PETS.zoom_out, help="the preset's zoom_out share")
    parser.add_argument("--data", type=Path, default=None, help="dataset folder (default: the shared pets)")
    parser.add_argument("--train-only", type=Path, default=None,
                        help="file listing photos (relative paths) that only train, e.g. pseudo-labelled ones")
    args = parser.parse_args()
    use_variant("pets", box_head=args.head, zoom_out=args.zoom_out)
    exclude = [line.strip() for line in args.exclude_list.read_text().splitlines() if line.strip()]
    train_only = ([line.strip() for line in args.train_only.read_text().splitlines() if line.strip()]
                  if args.train_only else [])
    config = TrainConfig(preset="pets", epochs=args.epochs, out_dir=str(args.out), exclude=exclude,
                         label=args.label, train_only=train_only)
    train(args.data or shared_dir() / "data" / "oxford-pets-3breeds", config, on_event=progress)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
