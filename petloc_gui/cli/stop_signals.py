"""Ctrl+C (SIGINT), SIGTERM (CI cancelling a job, `docker stop`, `timeout`) and SIGHUP (a terminal closed,
an ssh connection dropped; not under `nohup`): one way to stop a command.

Python turns SIGINT into KeyboardInterrupt, so a command's clean-up runs (a half-written export is
removed, a convert's OUT emptied); SIGTERM it leaves to the system, which ends the process on the spot:
no clean-up (an empty /tmp/petloc-tflite-* folder stayed behind), no word, exit 143. Under
`stop_signals` SIGTERM raises `Terminated`, a KeyboardInterrupt, so every clean-up written for Ctrl+C
runs for it too (SIGHUP raises `HungUp`), and `stopped` says which one stopped the command with the
status a shell gives for it: 130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP. On Windows, which has no
SIGHUP, Ctrl+Break is SIGBREAK, left to the system it too ended a command with no clean-up: it raises
`CtrlBreak`, exit 149 (128 + its number, 21). Closing the console window sends SIGBREAK as well, but
Windows ends the process as soon as Python's own handler returns (it only notes the signal), before any
clean-up runs: nothing here can change that. Two more things a command may need:

- `held`: a stop that comes within the block takes effect at its end (a pre-label written and its
  record printed: both, or neither);
- `work_done`: the command's work is over (its summary said): a stop from then on is ignored until
  the command returns, and again while the process exits (TensorFlow's teardown takes seconds): the
  exit status is the work's. In between, the handlers the caller had are back: a test, a REPL or
  the window that runs a command in its own process can still be stopped with Ctrl+C.

Signals reach the main thread only: in any other thread these do nothing.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import functools
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, NamedTuple

from petloc_gui.cli.output import error
from petloc_gui.core.stop_signal_list import stop_signal_numbers

EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM
EXIT_HUNG_UP = 129  # 128 + SIGHUP
EXIT_BREAK = 149  # 128 + SIGBREAK (Windows' Ctrl+Break)


STOP_SIGNALS = stop_signal_numbers()


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised as Ctrl+C raises KeyboardInterrupt."""


class HungUp(KeyboardInterrupt):
    """SIGHUP, raised as Ctrl+C raises KeyboardInterrupt."""


class CtrlBreak(KeyboardInterrupt):
    """SIGBREAK (Windows' Ctrl+Break), raised as Ctrl+C raises KeyboardInterrupt."""


class _State:
    def __init__(self) -> None:
        self.depth = 0  # stop_signals blocks entered (nested: one set of handlers)
        self.previous: dict[int, Any] = {}  # what signal.signal() returned: put back at the end
        self.holding = 0
        self.pending: int | None = None  # a signal that came while held
        self.requested: int | None = None  # the first stop signal that came (whatever became of it)
        self.done = False
        self.ignored_at_exit = False  # `_ignore_stops_at_exit` registered


_state = _State()


class _Stop(NamedTuple):
    name: str  # the signal module's name of the signal (where the system has one)
    interrupt: type[KeyboardInterrupt]  # what it raises
    status: int  # the exit status a shell gives for it
    said: str  # `stopped`'s line


# Every stop signal but Ctrl+C, which is the rest (KeyboardInterrupt, 130, "interrupted"): one row each, so a
# signal added (SIGBREAK was) is raised, said, named and exited with alike. Looked up by name when asked,
# as the signal module has SIGHUP on POSIX only and SIGBREAK on Windows only.
_STOPS = (
    _Stop("SIGTERM", Terminated, EXIT_TERMINATED, "terminated (SIGTERM)"),
    _Stop("SIGHUP", HungUp, EXIT_HUNG_UP, "hung up (SIGHUP)"),
    _Stop("SIGBREAK", CtrlBreak, EXIT_BREAK, "stopped by Ctrl+Break (SIGBREAK)"),
)


def _stop_for(signum: int | None) -> _Stop | None:
    return next((stop for stop in _STOPS if signum is not None and signum == getattr(signal, stop.name, None)), None)


def signal_name(signum: int | None) -> str | None:
    """SIGTERM, SIGHUP or SIGBREAK; None for Ctrl+C (and no signal)."""
    stop = _stop_for(signum)
    return stop.name if stop else None


def interrupt_for(signum: int) -> KeyboardInterrupt:
    """What a stop signal raises: `Terminated` for SIGTERM, `HungUp` for SIGHUP, `CtrlBreak` for SIGBREAK,
    KeyboardInterrupt for Ctrl+C (for a command with a handler of its own, as `petloc train`'s first Ctrl+C
    asks training to stop)."""
    stop = _stop_for(signum)
    return stop.interrupt() if stop else KeyboardInterrupt()


def exit_status(signum: int) -> int:
    """The exit status of a command a stop signal ended: 143 for SIGTERM, 129 for SIGHUP, 149 for SIGBREAK,
    130 for Ctrl+C."""
    stop = _stop_for(signum)
    return stop.status if stop else EXIT_INTERRUPTED


def _handle(signum: int, frame: FrameType | None) -> None:
    if _state.done:
        return
    _state.requested = _state.requested or signum
    if _state.holding:
        _state.pending = _state.pending or signum
        return
    raise interrupt_for(signum)


@contextlib.contextmanager
def stop_signals() -> Iterator[None]:
    """Within the block, Ctrl+C raises KeyboardInterrupt, SIGTERM `Terminated`, SIGHUP `HungUp` and SIGBREAK
    `CtrlBreak` (see the module)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if _state.depth == 0:
        _state.previous = {signum: signal.signal(signum, _handle) for signum in STOP_SIGNALS}
    _state.depth += 1
    try:
        yield
    finally:
        _state.depth -= 1
        if _state.depth == 0:
            for signum, previous in _state.previous.items():
                signal.signal(signum, previous)  # the caller's again: its process may go on
            if _state.done:
                ignore_stops_at_exit()
            _state.previous, _state.pending, _state.requested, _state.done = {}, None, None, False


def ignore_stops_at_exit() -> None:
    """Ignore the stop signals once the process starts to exit (for a command whose work is done):
    Python's own SIGINT handler is gone by the end of the exit, so a stop during TensorFlow's teardown
    killed the process with exit 130, 143 or 129, which says the work was not done. Registered with atexit
    after TensorFlow's own exit handlers, it runs before them."""
    if not _state.ignored_at_exit:
        _state.ignored_at_exit = True
        atexit.register(_ignore_stops)


def _ignore_stops() -> None:
    if threading.current_thread() is threading.main_thread():
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """A stop that comes within the block is raised at its end (when it ends without an exception;
    with one, the command is ending anyway)."""
    _state.holding += 1
    try:
        yield
    finally:
        _state.holding -= 1
    if not _state.holding and _state.pending is not None and not _state.done:
        signum, _state.pending = _state.pending, None
        raise interrupt_for(signum)


def work_done() -> None:
    """The command's work is over: a stop from now on, and one held, is ignored."""
    _state.done = _state.depth > 0  # outside stop_signals, nothing of ours handles a signal
    _state.pending = _state.requested = None  # an error from here on is an error, not a stop


def stopped(exc: KeyboardInterrupt) -> int:
    """Say which signal stopped the command, in one line (after a hang-up, where a terminal or a log
    still reads it), and return the exit status for it. An interrupt raised again with a line of its own
    (``type(exc)(line)``: code that knows what the stop interrupted, as the multi-worker wait's "stopped
    while waiting for worker 1 (...) to start; nothing was trained") says that line instead."""
    stop = next((stop for stop in _STOPS if isinstance(exc, stop.interrupt)), None)
    error(str(exc.args[0]) if exc.args else stop.said if stop else "interrupted")
    return stop.status if stop else EXIT_INTERRUPTED


def stoppable(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command's ``run`` under `stop_signals`; stopped, it says so and exits 130, 143, 129 or 149."""

    @functools.wraps(run)
    def stoppable_run(args: argparse.Namespace) -> int:
        with stop_signals():
            try:
                return run(args)
            except KeyboardInterrupt as exc:
                return stopped(exc)
            except Exception:
                # Raised inside TensorFlow's C code (a conversion calls back into Python), a stop can
                # come out as another error ("SystemError: ... bad argument to internal function"),
                # after the clean-up it was meant to run: the command was stopped all the same.
                if _state.requested is None:
                    raise
                return stopped(interrupt_for(_state.requested))

    return stoppable_run
