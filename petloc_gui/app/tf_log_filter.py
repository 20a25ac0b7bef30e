"""Which lines of a TensorFlow process's stderr are start-up noise (no Qt, no TensorFlow).

TensorFlow and Keras print notices that say nothing about the user's run:
no CUDA driver on a CPU machine ("failed call to cuInit"), oneDNN and CPU
instruction notes, TFLite's start-up notes ("Created TensorFlow Lite XNNPACK
delegate for CPU."), absl's "log messages before InitializeLog" banner,
matplotlib's note on a first import (Keras imports it; a new user's first
retrain showed "Matplotlib is building the font cache; this may take a
moment." in its log), and Keras UserWarnings about its own internals (a
warning line plus the source line it quotes). They made up half of the training log. Those lines are
hidden from the log window (and counted); anything else is kept, including
every traceback and every line of ours.
"""

from __future__ import annotations

import re

# PETLOC_DEBUG's one reading (core: the model layer reads it too); the training log's window takes it from here
from petloc_gui.core.debug_flag import debug_enabled as debug_enabled

# Each pattern names one known kind of notice; a line is noise if one matches.
NOISE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # glog/absl-formatted C++ info and warning lines: "I0000 00:00:1796.123   123 port.cc:153] ..."
    r"^[IW]\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ [\w./-]+\.(cc|h):\d+\] ",
    # ... and the error-level ones that only say there is no GPU (other errors are kept)
    r"^E\d{4} \d\d:\d\d:\d+\.\d+\s+\d+ [\w./-]+\.(cc|h):\d+\] "
    r"(failed call to cuInit|Unable to register cu\w+ factory|could not retrieve CUDA device count)",
    # TensorFlow's older C++ log format: "2024-01-01 12:00:00.123: I tensorflow/... ] ..."
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+: [IW] (tensorflow|external|third_party)/",
    r"^WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR$",
    r"^To enable the following instructions: .* rebuild TensorFlow with the appropriate compiler flags\.$",
    r"^WARNING:absl:",
    r"^(WARNING|INFO):tensorflow:",
    # TFLite's info lines as an interpreter starts (`model.runners`: the model runs on it); its "WARNING: "
    # and "ERROR: " lines are kept
    r"^INFO: (Created TensorFlow Lite XNNPACK delegate for CPU|Initialized TensorFlow Lite runtime)\.$",
    # matplotlib, imported by Keras in the worker's import thread (`model.quiet_import` parks the notices of
    # the thread it runs in only), builds its font cache once per user and says so through logging
    r"^Matplotlib is building the font cache; this may take a moment\.$",
))
# "/.../keras/src/x.py:121: UserWarning: ..." and the indented source line after it.
_LIBRARY_WARNING = re.compile(r"/(keras|tensorflow|tf_keras|absl)/.*\.py:\d+: \w*Warning: ")


class TensorFlowNoiseFilter:
    """Stateful (a library warning's quoted source line follows it): feed lines in order."""

    def __init__(self) -> None:
        self.hidden = 0
        self._after_warning = False

    def keep(self, line: str) -> bool:
        """True for a line worth showing; False (and counted) for TensorFlow noise."""
        if self._after_warning and line.startswith((" ", "\t")):
            self._after_warning = False
            self.hidden += 1
            return False
        self._after_warning = bool(_LIBRARY_WARNING.search(line))
        if self._after_warning or any(p.search(line) for p in NOISE_PATTERNS):
            self.hidden += 1
            return False
        return True
