"""Shared terminal output for the `petloc` commands.

Everything meant for a program (JSON lines, tables) goes to stdout; every
message for a person (errors, warnings, progress) goes to stderr, so a JSON
consumer can read stdout untouched.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time
from typing import Any, TextIO

PREFIX = "petloc: "


def error(message: str) -> None:
    """Print one `petloc: MESSAGE` line on stderr (newlines flattened)."""
    sys.stderr.write(PREFIX + one_line(message) + "\n")
    sys.stderr.flush()


def info(message: str) -> None:
    """Print a plain progress/status line on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def one_line(message: object) -> str:
    """`message` as a single line (a traceback-free, newline-free string)."""
    text = " ".join(str(message).split())
    return text or "unknown error"


def reason_of(exc: BaseException) -> str:
    """The reason part of an error, without the file name PetlocError prefixes."""
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return one_line(reason)


def json_line(obj: dict[str, Any], stream: TextIO | None = None) -> None:
    """Write `obj` as one compact JSON line on stdout (flushed, for pipes)."""
    stream = stream or sys.stdout
    stream.write(json.dumps(obj, ensure_ascii=False, allow_nan=False, default=_json_default) + "\n")
    stream.flush()


def _json_default(value: Any) -> Any:
    # numpy scalars and paths show up in metrics dicts.
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def finite(value: Any, ndigits: int = 4) -> float | None:
    """Round a float for output; NaN/inf become None (JSON has no NaN)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    return round(value, ndigits)


def quiet_tensorflow() -> None:
    """Silence TensorFlow's C++ and absl log spam; call before importing TF.

    Setting the variables is free; TF itself is not imported here.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # oneDNN's "custom operations are on" banner is printed at import time.
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")


def after_tensorflow_import() -> None:
    """Lower Python-side TF/absl/Keras logging once TF is loaded (best effort)."""
    try:
        import absl.logging

        absl.logging.set_verbosity(absl.logging.ERROR)
    except ImportError:
        pass
    import logging

    for name in ("tensorflow", "absl", "keras"):
        logging.getLogger(name).setLevel(logging.ERROR)


def format_duration(seconds: float) -> str:
    """`1:02:03` / `2:03` style duration."""
    if not math.isfinite(seconds) or seconds < 0:
        return "--:--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """A per-epoch progress bar on stderr.

    On a terminal it redraws one line in place (`\\r`); elsewhere (a log
    file, CI) it prints a plain line at most every `plain_every` fraction of
    the epoch so logs stay short.
    """

    def __init__(
        self,
        label: str,
        total: int,
        *,
        stream: TextIO | None = None,
        width: int = 28,
        plain_every: float = 0.25,
        clock=time.monotonic,
    ) -> None:
        self.label = label
        self.total = max(int(total or 0), 0)
        self.stream = stream or sys.stderr
        self.width = width
        self.plain_every = plain_every
        self._clock = clock
        self._start = clock()
        self._tty = _is_tty(self.stream)
        self._next_plain = plain_every
        self._drawn = False

    def update(self, step: int, loss: float | None = None) -> None:
        """Show progress after `step` of `total` steps (1-based)."""
        elapsed = self._clock() - self._start
        fraction = min(step / self.total, 1.0) if self.total else 0.0
        eta = elapsed * (1 - fraction) / fraction if fraction > 0 else float("nan")
        loss_text = f" loss {loss:.4f}" if loss is not None and math.isfinite(loss) else ""
        counter = f"{step}/{self.total}" if self.total else f"{step}"
        if self._tty:
            filled = int(round(self.width * fraction))
            bar = "#" * filled + "-" * (self.width - filled)
            line = f"\r{self.label} [{bar}] {counter} ETA {format_duration(eta)}{loss_text}"
            self.stream.write(line + "\x1b[K")
            self.stream.flush()
            self._drawn = True
        elif fraction >= self._next_plain or (self.total and step >= self.total):
            while self._next_plain <= fraction:
                self._next_plain += self.plain_every
            self.stream.write(f"{self.label} {counter} ETA {format_duration(eta)}{loss_text}\n")
            self.stream.flush()

    def close(self) -> None:
        """End the in-place line so the next message starts on a fresh line."""
        if self._tty and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
