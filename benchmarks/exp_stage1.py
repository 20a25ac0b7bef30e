"""Experiment driver (issue 9): train a pets first stage with a recipe variant, validation only.

    python benchmarks/exp_stage1.py --out DIR --exclude-list FILE [--head edges] [--epochs N]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petloc_gui.core.paths import shared_dir  # noqa: E402
from petloc_gui.model import presets  # noqa: E402
from petloc_gui.model.training import TrainConfig, train  # noqa: E402


def progress(event: dict) -> None:
    if event["event"] == "epoch":
        print(f"  epoch {event['epoch']}/{event['epochs']} loss {event['loss']:.3f} val_acc {event['val_accuracy']:.3f} "
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
    args = parser.parse_args()
    presets.PRESETS["pets"] = dataclasses.replace(presets.PETS, box_head=args.head)
    exclude = [line.strip() for line in args.exclude_list.read_text().splitlines() if line.strip()]
    config = TrainConfig(preset="pets", epochs=args.epochs, out_dir=str(args.out), exclude=exclude,
                         label=args.label)
    train(shared_dir() / "data" / "oxford-pets-3breeds", config, on_event=progress)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
