"""A stand-in for the training worker, for fast tests of the UI plumbing.

Run as ``python -m tests.standin_worker [stand-in options] [worker options]``.
It speaks the worker's protocol through the worker's own parts (argument
parser, protocol stdout, ``Lifecycle``, ``run_guarded``) but trains nothing:
it emits ``start``, ``batch``/``epoch`` events with made-up figures, writes a
tiny bundle-like folder and a training record. It lives in tests/, never in
the product. Stand-in options:

  --steps N          batches per epoch (default 3)
  --delay S          seconds per batch (default 0.01)
  --die-after N      os._exit(70) after N events (a crash)
  --ignore-stop      the training loop never polls the stop (a main thread stuck in TensorFlow)
  --hang             ignore every stop: no stdin or parent watchers (a hung worker)
  --disk-full        after the last epoch, saving the bundle (the real ``save_bundle``) finds the disk full
  --read-data        read --data as training does first (the real ``TrainingData.collect``): a folder with
                     fewer than 2 usable images stops the run there, with its ``TooFewImagesError``
  --quiet-after N    after N events, say nothing for --quiet seconds, then go on (a child stuck a while)
  --quiet S          seconds of that silence (default 6); a stop still ends it
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from petloc_gui.model import train_worker as worker
from petloc_gui.model.worker_lifecycle import Lifecycle
from tests.model_files import add_model_file


def _own_options(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.01)
    parser.add_argument("--die-after", type=int, default=None)
    parser.add_argument("--ignore-stop", action="store_true")
    parser.add_argument("--hang", action="store_true")
    parser.add_argument("--disk-full", action="store_true")
    parser.add_argument("--read-data", action="store_true")
    parser.add_argument("--quiet-after", type=int, default=None)
    parser.add_argument("--quiet", type=float, default=6.0)
    return parser.parse_known_args(argv)


def run(args, mine, emit, should_stop) -> None:
    count = 0

    def send(event):
        nonlocal count
        emit(event)
        count += 1
        if mine.die_after is not None and count >= mine.die_after:
            sys.stderr.write("stand-in worker: dying on purpose\n")
            sys.stderr.flush()
            os._exit(70)
        if count == mine.quiet_after:
            until = time.monotonic() + mine.quiet
            while time.monotonic() < until and not should_stop():
                time.sleep(0.05)

    if mine.read_data:
        from petloc_gui.model.training_data import TrainingData

        TrainingData.collect(args.data, val_fraction=args.val_fraction, seed=args.seed)
    steps = max(1, mine.steps)
    send({"event": "start", "epochs": args.epochs, "steps_per_epoch": steps, "preset": args.preset,
          "n_train": 8, "n_val": 2, "val_images": ["v0.png", "v1.png"]})
    metrics = {}
    for epoch in range(1, args.epochs + 1):
        for step in range(1, steps + 1):
            if should_stop():
                raise worker.Cancelled()
            time.sleep(mine.delay)
            send({"event": "batch", "epoch": epoch, "step": step, "steps": steps, "loss": 1.0 / (epoch + step)})
        metrics = {"accuracy": 1 - 0.5 / epoch, "mean_iou": 0.8 - 0.4 / epoch, "iou_ge_50": 1 - 0.6 / epoch,
                   "n_images": 2, "split": "validation (selection)"}
        send({"event": "epoch", "epoch": epoch, "epochs": args.epochs, "loss": 1.0 / (epoch + 1),
              "val_loss": 1.2 / (epoch + 1), "val_accuracy": metrics["accuracy"],
              "val_mean_iou": metrics["mean_iou"], "val_iou_ge_50": metrics["iou_ge_50"]})
    # what every load needs (`model.meta_required`): listing leaves a version without it out
    meta = {"format_version": 1, "preset": args.preset, "class_names": ["a", "b"], "input_size": [32, 32],
            "metrics": metrics}
    if mine.disk_full:
        from petloc_gui.model.bundle_write import save_bundle

        save_bundle(_ModelOnAFullDisk(), meta, args.out)
    (args.out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(args.out)  # a model.keras that looks loadable: the store lists the version as usable
    send({"event": "done", "bundle": str(args.out), "metrics": metrics})
    if not args.no_compare:
        old = {"accuracy": 0.5, "mean_iou": 0.4, "iou_ge_50": 0.5, "n_images": 2}
        send({"event": "comparison", "old": old if args.compare_with else None, "new": metrics,
              "old_model": args.compare_with, "n_images": 2})
    worker.write_record(args.out, {"parent": args.base, "metrics": metrics, "data_fingerprint": "stand-in",
                                   "data": str(args.data), "epochs": args.epochs})


class _ModelOnAFullDisk:
    """Saves as a Keras model does on a full disk."""

    optimizer = None

    def save(self, path) -> None:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device", str(path))


def main() -> int:
    mine, rest = _own_options(sys.argv[1:])
    args = worker.parse_args(rest)
    emit = worker.EventWriter(worker.protocol_stdout())
    life = Lifecycle(emit)
    if not mine.hang:
        life.start(parent_pid=args.parent_pid)
    stop = (lambda: False) if mine.hang or mine.ignore_stop else life.should_stop
    return worker.run_guarded(lambda: run(args, mine, emit, stop), args, emit, life)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
