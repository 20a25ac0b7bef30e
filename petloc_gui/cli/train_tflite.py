"""`petloc train`'s last step: the new bundle's own model.tflite, checked and recorded, so the window runs it
without TensorFlow, as it runs a version retrained in the window (`model.version_tflite`); ``--no-tflite``.

Without it the window imported TensorFlow to load a bundle `petloc train` wrote (1-5 s of frozen window). The
conversion costs seconds (2-5 s on a digits run, 10-16 s on a pets fine-tune), so a script that never opens
the window can leave it out: `petloc export BUNDLE --tflite BUNDLE/model.tflite` adds it later.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from petloc_gui.cli.output import error, info, native_stderr_parked


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """--no-tflite."""
    parser.add_argument(
        "--no-tflite", action="store_true",
        help="write no model.tflite into the bundle (default: one is converted from the trained model, checked "
             "against it and recorded in meta.json, 2-16 s more, so the window runs the model without loading "
             "TensorFlow; `petloc export BUNDLE --tflite BUNDLE/model.tflite` adds it later)",
    )


def write_checked_tflite(bundle: Path) -> None:
    """The bundle's model.tflite (and a refine.tflite its refiner lacks) converted, checked and recorded in its
    meta.json (`model.version_tflite.add_verified_tflite`), said in one line on stderr. A conversion or check
    that fails leaves the bundle as it was, without them (it loads through TensorFlow), said in one warning
    line: the bundle is trained and written, so the run does not fail for it."""
    from petloc_gui.model.version_tflite import add_verified_tflite

    said: list[str] = []
    with native_stderr_parked():  # the converter's and the interpreter's C++ logging on fd 2
        recorded = add_verified_tflite(bundle, said.append)
    for line in said:
        if recorded:
            info(line)
        else:
            error(f"warning: {line}")
