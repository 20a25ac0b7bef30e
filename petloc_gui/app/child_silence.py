"""How long the training child has said nothing, and when that silence is worth saying (no Qt).

A child stopped (a deadlocked input pipeline, a read stuck on a network disk) keeps its process alive: it
neither reports nor ends, and the Retraining window read "starting…" or "almost done" for good. Its
output, any line on stdout or stderr, is the only sign of life the window has. A silence is said once it
is out of the run's own pattern: ``QUIET_FACTOR`` times the longest gap seen between two of its outputs,
and never before a floor:

- before the first batch (``PREPARING_FLOOR_S``) the child reads the folder (a fine-tune hashes every
  image to find copies of test images), loads TensorFlow, builds the model and traces its first batch,
  with nothing measured yet to compare with; on a big folder or a slow disk that reading alone can take
  minutes, and none of it reports. A 200-image digits run on a loaded 2-core machine went 17 s without a
  line while preparing and 13 s from "start" to its first batch;
- from the first batch on (``QUIET_FLOOR_S``) batch events come at least once a step (throttled to
  several a second), and the gaps that are not batches (a validation pass, saving, scoring both models at
  the end) are a few validation passes long: the factor covers them once one has been seen.

The gap before the first output is not one between outputs (it is the preparing floor's), and the gaps
heard while the child prepares (TensorFlow's start-up notices come first, then the folder read and the
model's first trace) are forgotten at its first batch (`ui.training.quiet_note.QuietNote.training_began`):
a slow start would otherwise stretch every later limit.
"""

from __future__ import annotations

QUIET_FACTOR = 3.0
QUIET_FLOOR_S = 60.0
PREPARING_FLOOR_S = 180.0


class OutputTimes:
    """When a child process started and last wrote anything (stdout or stderr), and the longest gap between
    two of its outputs so far, on one monotonic clock."""

    def __init__(self, started_at: float = 0.0) -> None:
        self.started_at = started_at
        self.last_output_at: float | None = None
        self.longest_gap = 0.0

    def heard(self, now: float) -> None:
        """The child wrote something at ``now``."""
        if self.last_output_at is not None:
            self.longest_gap = max(self.longest_gap, now - self.last_output_at)
        self.last_output_at = now

    def quiet_for(self, now: float) -> float:
        """Seconds since its last output (since it started, before any)."""
        since = self.last_output_at if self.last_output_at is not None else self.started_at
        return max(0.0, now - since)


def quiet_limit(longest_gap: float, floor_s: float) -> float:
    """The silence worth saying: ``QUIET_FACTOR`` times the longest gap seen, never under ``floor_s``."""
    return max(floor_s, QUIET_FACTOR * longest_gap)


def quiet_line(seconds: float, preparing: bool) -> str:
    """The Retraining window's line for a child silent ``seconds`` (``preparing``: before its first batch)."""
    seconds = int(seconds)
    span = f"{seconds // 60} min" if seconds >= 60 else f"{seconds} s"
    if preparing:
        return (f"No word from the training process for {span} while it prepares the run (reading a big folder "
                "can take minutes; it may be stuck); Cancel ends it.")
    return f"No word from the training process for {span} (it may be stuck); Cancel ends it."
