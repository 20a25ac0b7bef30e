"""How the window retrains, as data: the defaults and the worker's command line (no Qt, no TensorFlow).

The window's retrain controller and ``benchmarks/assisted_annotation.py``
both build the training worker's arguments here, so the benchmark retrains
exactly as the window does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from petloc_gui.core.child_python import python_command

WORKER_MODULE = "petloc_gui.model.train_worker"
RETRAIN_EPOCHS = 5  # Retrain… dialog default: a short fine-tune of the current model
FIRST_MODEL_EPOCHS = 30  # a first model's dialog default (no model in use): heads and backbone from ImageNet need more
VAL_FRACTION = 0.2
SPLIT_SEED = 0  # passed as --seed, so the dialog's preview and the run agree


def worker_args(
    folder: Path | str,
    preset: str,
    staging: Path | str,
    *,
    epochs: int,
    val_fraction: float = VAL_FRACTION,
    label: str = "default",
    current: str | None = None,
    fine_tune: bool = False,
    skip_prelabels: bool = False,
    renamed: Mapping[str, str] | None = None,
) -> list[str]:
    """Arguments of ``python -m petloc_gui.model.train_worker`` for one run.

    ``current`` is the model in use (compared against at the end);
    ``fine_tune`` starts from it instead of from the preset's initial weights;
    ``skip_prelabels`` leaves unreviewed pre-labels out of the run (`TrainingData.collect`);
    ``renamed`` (``{new name: the current model's name}``, a fine-tune only) starts each new name from
    its old name's weights (`model.class_renames`). The test list the folder's layout declares (a VOC
    devkit's ImageSets/Main/test.txt, Oxford's annotations/test.txt) is always held out, as `petloc train
    --exclude-list` holds it out, so figures on those images stay test figures (the child does it unasked:
    `window_holdout`; the Retrain dialog's preview leaves it out too).
    """
    args = [
        "--data", str(folder),
        "--preset", preset,
        "--out", str(staging),
        "--epochs", str(epochs),
        "--val-fraction", str(val_fraction),
        "--seed", str(SPLIT_SEED),  # never another: the Retrain dialog previews the split with it
        "--label", label,
    ]
    if current:
        args += ["--compare-with", str(current)]
    if fine_tune and current:
        args += ["--base", str(current)]
        for new, old in sorted((renamed or {}).items()):
            args += ["--renamed", f"{new}={old}"]
    if skip_prelabels:
        args.append("--skip-prelabels")
    return args


def worker_command(args: Sequence[str], module: str = WORKER_MODULE) -> list[str]:
    """The full command line (this Python, ``-P``) for ``worker_args``, the window's and the benchmark's
    alike; run it in ``core.child_python.child_environment(...)``, so it runs this process's petloc_gui.

    ``--parent-pid``: the worker stops when this process is gone (it also stops at the end of stdin).
    ``module`` is another worker's (tests pass a stand-in taking the same arguments).
    """
    return python_command(module, ["--parent-pid", str(os.getpid()), *args])
