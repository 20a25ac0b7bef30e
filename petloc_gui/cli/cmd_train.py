"""`petloc train DATA`: train a model bundle with a progress bar; Ctrl+C cancels cleanly."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from typing import Any

from petloc_gui.cli.args import fraction, positive_int
from petloc_gui.cli.output import ProgressBar, after_tensorflow_import, error, finite, info

NAME = "train"
HELP = "train a localisation + classification model on a dataset folder"
EPILOG = """\
Progress goes to stderr: a bar per epoch (ETA, loss) on a terminal, plain
lines otherwise, and one summary line per epoch (loss, validation accuracy,
validation mean IoU). The validation images are held out of training and
listed in the bundle's meta.json; training stops early when the validation
figures stop improving. The last line of stdout is the bundle path.

Ctrl+C stops after the current batch without writing a bundle (exit 130);
press it twice to abort at once.

examples:
  petloc digits runs/digits-train --split train
  petloc train runs/digits-train --preset digits --out runs/models --epochs 10
  petloc train ../shared/data/oxford-pets-3breeds --preset pets --out runs/models \\
      --backbone-weights ../shared/weights/mobilenet_2_5_224_tf_no_top.h5
  petloc train my_pets --preset pets --init-from pets --out runs/models --epochs 5
"""

EXIT_CANCELLED = 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", type=Path, help="dataset folder with VOC annotations")
    parser.add_argument("--preset", required=True, choices=("pets", "digits"), help="network and recipe")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="where to write the bundle")
    parser.add_argument("--epochs", type=positive_int, metavar="N", help="maximum epochs (default: the preset's)")
    parser.add_argument("--init-from", metavar="MODEL", help="start from this model's weights (fine-tune)")
    parser.add_argument("--backbone-weights", type=Path, metavar="PATH", help="ImageNet weights file (.h5) for the pets backbone")
    parser.add_argument("--val-fraction", type=fraction, metavar="F", help="share of images held out for validation")
    parser.add_argument("--seed", type=int, metavar="S", help="random seed (split, shuffling, augmentation)")
    parser.add_argument(
        "--label",
        choices=("default", "breed"),
        default="default",
        help="class names: the annotation's (default) or the Oxford breed from the file name",
    )
    parser.add_argument("--batch-size", type=positive_int, metavar="N", help="images per batch (default: the preset's)")
    parser.add_argument("--exclude-list", type=Path, metavar="FILE", help="file of image names to leave out, one per line")
    parser.add_argument(
        "--distribute",
        choices=("none", "mirrored", "multiworker"),
        default="none",
        help="tf.distribute strategy (default none)",
    )


def run(args: argparse.Namespace) -> int:
    _check_inputs(args)
    from petloc_gui.model import training  # imports TensorFlow

    after_tensorflow_import()
    config = _build_config(training.TrainConfig, args)
    reporter = TrainReporter()
    stop = _CtrlC()
    with stop:
        try:
            bundle = training.train(args.data, config, on_event=reporter, should_stop=stop.is_set)
        finally:
            reporter.close()
    if stop.is_set():
        error("training cancelled; no bundle written")
        return EXIT_CANCELLED
    if bundle is None:
        error("training ended without a bundle")
        return 1
    print(str(bundle), flush=True)
    return 0


def _check_inputs(args: argparse.Namespace) -> None:
    """Fail fast, with one line, before TensorFlow takes seconds to load."""
    if not args.data.is_dir():
        raise FileNotFoundError(2, "dataset folder not found", str(args.data))
    if args.out.exists() and not args.out.is_dir():
        raise NotADirectoryError(20, "--out exists and is not a folder", str(args.out))
    for option, path in (("--backbone-weights", args.backbone_weights), ("--exclude-list", args.exclude_list)):
        if path is not None and not path.is_file():
            raise FileNotFoundError(2, f"{option} file not found", str(path))
    if args.init_from is not None:
        from petloc_gui.model.bundle import resolve_model  # no TensorFlow

        args.init_from = str(resolve_model(args.init_from))


def read_exclude_list(path: Path) -> list[str]:
    """Image names (or paths) from a text file; blank lines and `#` comments ignored."""
    names = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.append(line)
    return names


# CLI option -> TrainConfig field; options left at None keep the preset's default.
_CONFIG_FIELDS = {
    "preset": "preset",
    "out": "out_dir",
    "epochs": "epochs",
    "init_from": "init_from",
    "backbone_weights": "backbone_weights",
    "val_fraction": "val_fraction",
    "seed": "seed",
    "label": "label",
    "batch_size": "batch_size",
    "exclude_list": "exclude",
    "distribute": "distribute",
}


def _build_config(config_cls, args: argparse.Namespace):
    import dataclasses

    known = {f.name for f in dataclasses.fields(config_cls)}
    values: dict[str, Any] = {}
    for option, name in _CONFIG_FIELDS.items():
        value = getattr(args, option)
        if value is None:
            continue
        if option == "exclude_list":
            value = read_exclude_list(value)
        if name not in known:
            if option in ("label", "distribute") and value in ("default", "none"):
                continue  # the default behaviour needs no field
            raise ValueError(f"--{option.replace('_', '-')} is not supported by this version of the trainer")
        values[name] = value
    return config_cls(**values)


class TrainReporter:
    """`on_event` callback: a progress bar per epoch and one summary line per epoch on stderr."""

    def __init__(self, stream=None) -> None:
        self.stream = stream
        self.bar: ProgressBar | None = None
        self.bar_epoch: int | None = None
        self.epochs: int | None = None
        self.last_metrics: dict[str, Any] | None = None

    def __call__(self, event: dict[str, Any]) -> None:
        kind = event.get("event")
        if kind == "start":
            self.epochs = event.get("epochs")
            info(_start_line(event))
        elif kind == "batch":
            epoch = event.get("epoch")
            if self.bar is None or self.bar_epoch != epoch:
                self.close()
                label = f"epoch {epoch}/{self.epochs}" if self.epochs else f"epoch {epoch}"
                self.bar = ProgressBar(label, int(event.get("steps") or 0), stream=self.stream)
                self.bar_epoch = epoch
            self.bar.update(int(event.get("step") or 0), event.get("loss"))
        elif kind == "epoch":
            self.close()
            self.epochs = event.get("epochs") or self.epochs
            info(epoch_line(event))
        elif kind == "done":
            self.close()
            self.last_metrics = event.get("metrics")
            info(f"done: {_metrics_text(event.get('metrics') or {})} -> {event.get('bundle')}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def epoch_line(event: dict[str, Any]) -> str:
    """`epoch 3/10  loss 0.1234  val_loss 0.2  val_acc 0.950  val_mIoU 0.712  val_IoU>=.5 0.91`."""
    epochs = event.get("epochs")
    head = f"epoch {event.get('epoch')}/{epochs}" if epochs else f"epoch {event.get('epoch')}"
    parts = [head]
    for key, name, digits in (
        ("loss", "loss", 4),
        ("val_loss", "val_loss", 4),
        ("val_accuracy", "val_acc", 3),
        ("val_mean_iou", "val_mIoU", 3),
        ("val_iou_ge_50", "val_IoU>=.5", 3),
    ):
        value = finite(event.get(key), digits)
        if value is not None:
            parts.append(f"{name} {value:.{digits}f}")
    return "  ".join(parts)


def _start_line(event: dict[str, Any]) -> str:
    parts = ["training"]
    if event.get("preset"):
        parts.append(f"preset {event['preset']}")
    for key in ("n_train", "n_val", "epochs"):
        if event.get(key) is not None:
            parts.append(f"{key} {event[key]}")
    return ": ".join(parts[:2]) + ("  " + "  ".join(parts[2:]) if len(parts) > 2 else "")


def _metrics_text(metrics: dict[str, Any]) -> str:
    parts = []
    for key in ("accuracy", "mean_iou", "iou_ge_50", "iou_ge_75"):
        value = finite(metrics.get(key), 3)
        if value is not None:
            parts.append(f"{key} {value:.3f}")
    return "  ".join(parts) or "no validation metrics"


class _CtrlC:
    """First Ctrl+C asks training to stop after the current batch; the second aborts."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._previous = None

    def is_set(self) -> bool:
        return self._event.is_set()

    def _handle(self, signum, frame) -> None:
        if self._event.is_set():
            raise KeyboardInterrupt
        self._event.set()
        info("\nstopping after the current batch (Ctrl+C again to abort)...")

    def __enter__(self) -> _CtrlC:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
