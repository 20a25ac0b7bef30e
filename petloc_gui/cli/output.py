"""Shared terminal output for the `petloc` commands.

Everything meant for a program (JSON lines, tables) goes to stdout; every
message for a person (errors, warnings, progress) goes to stderr, so a JSON
consumer can read stdout untouched. File names and labels come from the
user's disk: terminal control characters and bidi overrides in them are
escaped (``core.text``) in every line printed here, and in JSON written as
``\\uXXXX`` escapes (the decoded value is unchanged).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from petloc_gui.core.debug_flag import debug_enabled
from petloc_gui.core.text import counted, isolated, json_safe, printable, visible, visible_but_isolated

# The commands' check that a folder takes a new file before their work (`export`, `train --out`) is core's,
# which the window's settings note shares.
from petloc_gui.core.write_probe import write_probe_error as write_probe_error
from petloc_gui.model.json_values import json_ready, without_nan
from petloc_gui.model.quiet_import import import_tensorflow_quietly, require_temporary_folder

# The one parking of TensorFlow's native stderr and its log level are the model layer's; the commands and
# the window take them from here.
from petloc_gui.model.quiet_import import native_stderr_parked as native_stderr_parked
from petloc_gui.model.quiet_import import quiet_tensorflow as quiet_tensorflow

_ASCII_WHITESPACE = re.compile("[ \t\n\r\f\v]+")

PREFIX = "petloc: "


class CommandError(Exception):
    """A problem with a command's inputs that the user can fix; reported as one line."""


class UsageError(CommandError):
    """A bad command line found after parsing (options that only clash together): exit status 2."""


class StdoutWriteError(CommandError):
    """stdout could not be written (a full disk, an I/O error): `result_line`."""


def error(message: str, *, names_isolated: bool = False) -> None:
    """Print one `petloc: MESSAGE` line on stderr (newlines flattened). ``names_isolated``: every name in
    ``message`` is `visible` or `isolated`, and the isolates `isolated` put around a Hebrew one are kept
    (`one_line`)."""
    say(PREFIX + one_line(message, names_isolated=names_isolated) + "\n")


def info(message: str) -> None:
    """Print a plain progress/status line on stderr."""
    say(visible(message, keep_newlines=True) + "\n")


def say(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` for a person on ``stream`` (default: stderr) and flush. A message that cannot be
    written is dropped: with stderr closed (`2>&-`, a daemon's; sys.stderr is None then) or its reader
    gone, the command's work goes on and its exit status is what the work gives."""
    stream = stream or sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):  # ValueError: a stream closed under us
        pass


def one_line(message: object, *, names_isolated: bool = False) -> str:
    """`message` as a single line (newline-free, control characters escaped). Its ASCII whitespace is
    collapsed first: a label or a note naming one (tab or newline in it) is put in escaped (`visible`), as
    on stdout. Only ASCII: `str.split` takes a no-break space (U+00A0) in a name for a plain one, naming
    another file; `visible` escapes it. With ``names_isolated`` (a message whose every name is `visible`
    or `isolated`), the pairs of isolates `isolated` put around a name are kept (`visible_but_isolated`);
    without, every isolate is escaped: a message may hold a raw name, its own isolates to be seen. An error
    whose text is empty is named by its type ("MemoryError"): "unknown error" named nothing to act on."""
    line = collapsed(message)
    shown = visible_but_isolated(line) if names_isolated else visible(line)
    return shown or (type(message).__name__ if isinstance(message, BaseException) else "unknown error")


def collapsed(text: object) -> str:
    """``text`` with its runs of ASCII whitespace made one space (`one_line`, unescaped: a record's field)."""
    return " ".join(part for part in _ASCII_WHITESPACE.split(str(text)) if part)


def show(text: object) -> str:
    """One line for stdout: control characters (a newline in a file name too: one record, one line)
    and bidi overrides escaped, and lone surrogates (``\\udcff``, as stderr shows them): Python's
    stdout refuses to encode them under most UTF-8 locales (en_US.UTF-8; C.UTF-8 is the exception)."""
    return printable(text)


def show_lines(lines: Iterable[object]) -> str:
    """Lines for stdout, each shown as `show` shows one: a value holding a newline cannot add a line."""
    return "\n".join(show(line) for line in lines)


def warn_first(notes: list[tuple[Any, str]], line: str, rest: str, shown: int = 3) -> None:
    """Warn ``warning: PATH: NOTE<line>`` for the first ``shown`` notes, then, when there are more, once
    ``warning: and <rest>`` (``rest`` counts those not named: long lists are `petloc stats`' to give).
    A note names a label as read ("object 1 (tab\\there)"): escaped, not collapsed to another label. The path is
    set apart (`isolated`): a Hebrew file name moved the colon and the note around it."""
    for path, note in notes[:shown]:
        error(f"warning: {isolated(path)}: {visible(note)}{line}", names_isolated=True)
    if len(notes) > shown:
        error(f"warning: and {rest}")


def warn_size_mismatches(notes: list[tuple[Any, str]], shown: int = 3) -> None:
    """Warn, naming the first few files, about annotations whose <size> is not their image's: their
    boxes were drawn on an image of another size (resized images?) and are used as written. Each
    line says so of the file it names (a closing line of its own named none)."""
    more = counted(len(notes) - shown, "more annotation") if len(notes) > shown else ""
    warn_first(notes, "; its boxes are used as written (if its image was resized since, they do not fit it)",
               more + " whose size differs from their image's, their boxes used as written too "
               "(`petloc stats` lists them all)", shown)


def reason_of(exc: BaseException) -> str:
    """The reason part of an error, without the file name PetlocError prefixes."""
    reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return one_line(reason)


def json_line(obj: dict[str, Any], stream: TextIO | None = None) -> None:
    """Write `obj` as one compact JSON line on stdout (`result_line`); NaN and infinities as null, numpy values
    and paths converted (`_json_default`)."""
    text = json.dumps(without_nan(obj), ensure_ascii=False, allow_nan=False, default=_json_default)
    result_line(json_safe(text), stream)


def result_line(text: str, stream: TextIO | None = None) -> None:
    """Write a result (a line, a table) on stdout, flushed (for pipes). With stdout closed from the start
    (`>&-`: sys.stdout is None) it is dropped, as `print` drops it: the command goes on. A write that
    fails names stdout (`> /dev/full` said "[Errno 28] No space left on device" alone): StdoutWriteError;
    BrokenPipeError, its reader gone, is the caller's (`cli.closed_stdout`)."""
    stream = stream or sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutWriteError(f"cannot write the results to standard output: {reason_of(exc)}") from exc
    except UnicodeEncodeError as exc:  # nothing of the line was written: it is encoded whole first
        encoding = getattr(stream, "encoding", None) or exc.encoding  # exc's says "charmap" for cp1252
        raise StdoutWriteError(f"cannot write the results to standard output: its encoding, {encoding}, "
                               f"has no {exc.object[exc.start:exc.end]!r} (set PYTHONIOENCODING=utf-8)") from exc


def results_in_utf8() -> None:
    """Windows: a redirected or piped stdout (`> out.txt`, `| findstr`) is UTF-8, as on Linux and macOS.
    Python writes it in the ANSI code page (cp1252 in the West), which has no 'Ł' or '猫': the first
    such file name stopped the results, or `predict --write-voc`. The console itself is left alone
    (Python writes it whole, as UTF-16), and so is an encoding the user chose (PYTHONIOENCODING)."""
    stream = sys.stdout
    if sys.platform != "win32" or stream is None or os.environ.get("PYTHONIOENCODING"):
        return
    try:
        if not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    except (AttributeError, OSError, ValueError):  # not a TextIOWrapper (a test's), or closed
        pass


def _json_default(value: Any) -> Any:
    """`model.json_values.json_ready`, and anything else as its ``str()``: unlike the training worker's events,
    which refuse it (a bug, said by the run's error), a ``--json`` line is never cut off by it, for a command
    writing a line per image had written some when it stopped on one ("unexpected error: TypeError")."""
    try:
        return json_ready(value)
    except TypeError:
        return str(value)


def finite(value: Any, ndigits: int = 4) -> float | None:
    """Round a float for output; NaN/inf become None (JSON has no NaN)."""
    if value is None:
        return None
    try:
        value = float(value)
    except OverflowError:  # an int too large for a float (a hand-edited record): no figure either
        return None
    if not math.isfinite(value):
        return None
    return round(value, ndigits)


def quiet_matplotlib() -> None:
    """Give matplotlib a writable folder before it is imported (keras imports it; so does `stats
    --plot`), when its own cannot be made: with a read-only or missing HOME (a CI container, a
    service) it said so in two long lines of its own ("mkdir -p failed ...", "... highly recommended
    to set the MPLCONFIGDIR ...") and used a temporary folder anyway. Such a folder is made here,
    deleted at exit; the user's MPLCONFIGDIR wins."""
    import importlib.util

    if os.environ.get("MPLCONFIGDIR") or "matplotlib" in sys.modules or not importlib.util.find_spec("matplotlib"):
        return
    if all(_usable_folder(folder) for folder in _matplotlib_folders()):
        return
    import atexit
    import shutil

    folder = tempfile.mkdtemp(prefix="petloc-matplotlib-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["MPLCONFIGDIR"] = folder


def _matplotlib_folders() -> list[str]:
    """The config and cache folders matplotlib makes without MPLCONFIGDIR (matplotlib.get_configdir)."""
    try:
        home = os.fspath(Path.home())
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return [""]
    if not sys.platform.startswith(("linux", "freebsd")):
        return [os.path.join(home, ".matplotlib")]
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return [os.path.join(config, "matplotlib"), os.path.join(cache, "matplotlib")]


def _usable_folder(folder: str) -> bool:
    """Whether ``folder`` is, or can be made, a writable folder (as matplotlib tests its own)."""
    if not folder:
        return False
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


def load_tensorflow() -> None:
    """Import TensorFlow with its import-time C++ chatter hidden, then lower Python-side logging
    (`model.quiet_import`: the native stderr is parked during the import, shown only if the import
    fails or PETLOC_DEBUG is set). With no writable temporary folder it says so, naming the folders
    tried (`NoTemporaryFolderError`), before matplotlib's folder or TensorFlow's import fail on it."""
    if not debug_enabled():
        import warnings

        # Keras' UserWarnings (e.g. "shuffle=True ... will be ignored") are for
        # library authors; a CLI user cannot act on them.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"keras(\.|$)")
    if "tensorflow" not in sys.modules:
        require_temporary_folder()
        quiet_matplotlib()  # whoever imports it later (import_tensorflow_quietly keeps keras from it)
    import_tensorflow_quietly()


def format_duration(seconds: float) -> str:
    """`1:02:03` / `2:03` style duration."""
    if not math.isfinite(seconds) or seconds < 0:
        return "--:--"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """A per-epoch progress bar on stderr.

    On a terminal it redraws one line in place (`\\r`); elsewhere (a log
    file, CI, a terminal with TERM=dumb) it prints a plain line at most
    every `plain_every` fraction of the epoch so logs stay short.
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
        self._tty = _redraws(self.stream)
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
            filled = round(self.width * fraction)
            bar = "#" * filled + "-" * (self.width - filled)
            line = f"\r{self.label} [{bar}] {counter} ETA {format_duration(eta)}{loss_text}"
            say(line + "\x1b[K", self.stream)
            self._drawn = True
        elif fraction >= self._next_plain or (self.total and step >= self.total):
            while self._next_plain <= fraction:
                self._next_plain += self.plain_every
            say(f"{self.label} {counter} ETA {format_duration(eta)}{loss_text}\n", self.stream)

    def hide(self) -> None:
        """Clear the in-place line before other lines are written (results on stdout, messages on
        stderr: on one terminal they would start after the bar's text); the next `update` draws it again."""
        if self._tty and self._drawn:
            say("\r\x1b[K", self.stream)
            self._drawn = False

    def close(self) -> None:
        """End the in-place line so the next message starts on a fresh line."""
        self.hide()


def _redraws(stream: TextIO) -> bool:
    """Whether the bar is redrawn in place (``\\r`` and ``ESC[K``): on a terminal that moves the cursor,
    not a dumb one (TERM=dumb: emacs' shell, some CI consoles, which show the codes raw), which gets
    the plain lines a log gets. (No colour is used: NO_COLOR changes nothing.)"""
    return _is_tty(stream) and os.environ.get("TERM") != "dumb"


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
