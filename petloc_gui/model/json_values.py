"""The values petloc writes as JSON that JSON cannot hold as they are: numpy arrays and scalars and paths
(converted), NaN and infinities (null), anything else refused. The training worker's events and record
(`model.train_worker`) and the commands' ``--json`` lines (`cli.output.json_line`) each had a copy of this
that had drifted: the worker's said anything at all as its ``str()`` (a value nobody meant to send reached
the window as a string), the commands' turned a numpy array of two figures into a ValueError. No Qt, no
TensorFlow (numpy is recognised by its methods, not imported)."""

from __future__ import annotations

import math
import os
from typing import Any


def json_ready(value: Any) -> Any:
    """``json.dumps``' ``default``: a numpy array as a list and a numpy scalar as its Python number (NaN and
    infinities as None, as `without_nan` says them), a path as its string; anything else is a TypeError naming
    its type, for a value nobody meant to write is a bug to see, not a string to pass on."""
    if hasattr(value, "tolist"):  # numpy arrays, and scalars (whose tolist() is their Python value)
        return without_nan(value.tolist())
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def without_nan(value: Any) -> Any:
    """``value`` with NaN and infinities as None, in nested dicts, lists and tuples too (JSON has no NaN:
    ``allow_nan=False`` refuses it, and a reader in another language fails on Python's ``NaN``)."""
    if getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: without_nan(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [without_nan(item) for item in value]
    return value
