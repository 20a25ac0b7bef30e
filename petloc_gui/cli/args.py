"""Argument types shared by the `petloc` commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from petloc_gui.cli.output import UsageError

MODEL_HELP = ("`pets`, `digits` (bundled), a version as `petloc models` names it (`digits/<id>`) or the path "
              "to a trained bundle folder")
# model.data.LABEL_SOURCES; not imported from there so `--help` loads no dataset code.
LABEL_CHOICES = ("default", "breed")


def add_label_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--label default|breed``: where an image's class comes from (train and evaluate)."""
    parser.add_argument("--label", choices=LABEL_CHOICES, default="default", help=help_text)


def positive_int(text: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def fraction(text: str) -> float:
    """argparse type: a number strictly between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (exclusive), got {value}")
    return value


def model_arg(text: str) -> str:
    """argparse type: a model, a bundled name or a bundle's path; an empty one is a bad command line
    (as a path it is the current folder: "not a model bundle" after a second of loading)."""
    if not text:
        raise argparse.ArgumentTypeError("empty model: give a bundled model's name or a bundle folder")
    return text


MAX_SEED = 2**32 - 1  # numpy's and TensorFlow's seeds are 32-bit: a larger one fails after TensorFlow loads


def seed(text: str) -> int:
    """argparse type: a training seed, a whole number from 0 to 2**32 - 1."""
    return _whole_number(text, MAX_SEED)


def any_seed(text: str) -> int:
    """argparse type: a seed numpy's ``default_rng`` takes (`petloc digits`): any whole number >= 0."""
    return _whole_number(text, None)


def _whole_number(text: str, maximum: int | None) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0 or (maximum is not None and value > maximum):
        allowed = f"from 0 to {maximum}" if maximum is not None else "0 or more"
        raise argparse.ArgumentTypeError(f"must be {allowed}, got {value}")
    return value


def path_arg(text: str) -> Path:
    """argparse type: a file or folder path; an empty one is a bad command line (``Path("")`` is the
    current folder: `petloc train --out ""` wrote its bundle there)."""
    if not text:
        raise argparse.ArgumentTypeError("empty path: give a file or folder name")
    return Path(text)


def refuse_outside_mode(given: bool, option: str, mode: str, why: str) -> None:
    """An option that applies in one mode only, ``given`` outside it, is a bad command line (exit 2):
    "OPTION is for MODE (WHY)". Ignored, it looked as if it had done something (`convert --from yolo
    --annotated-only` exited 0, every image converted)."""
    if given:
        raise UsageError(f"{option} is for {mode} ({why})")
