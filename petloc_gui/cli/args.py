"""Argument types shared by the `petloc` commands."""

from __future__ import annotations

import argparse

MODEL_HELP = "`pets`, `digits` (bundled) or the path to a trained bundle folder"
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
