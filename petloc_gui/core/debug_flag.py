"""PETLOC_DEBUG (and petloc's other on/off switches), read one way by every layer (no Qt, no TensorFlow).

It shows what petloc otherwise keeps off a person's screen: the CLI's tracebacks, TensorFlow's
start-up notices in the CLI, the window and the training log. The CLI and the window's training
log (`app.tf_log_filter`) and the model layer's parking of TensorFlow's stderr
(`model.quiet_import`) each read it; the model layer may not import app, so each had a copy of the
rule. Here, below both, it is one.
"""

from __future__ import annotations

import os

# what a person types to turn a flag off; anything else set means on
_OFF = ("", "0", "false", "no")


def flag_on(name: str) -> bool:
    """The environment variable ``name`` is on: set, and not "0", "false" or "no" (any case, spaces
    around ignored); petloc's other switches (PETLOC_NO_PREDICTION_CACHE) read the same way."""
    return os.environ.get(name, "").strip().lower() not in _OFF


def debug_enabled() -> bool:
    """PETLOC_DEBUG is on (`flag_on`). PETLOC_DEBUG=0 once turned the tracebacks off but TensorFlow's
    start-up chatter on."""
    return flag_on("PETLOC_DEBUG")
