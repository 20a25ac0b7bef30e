"""How the training worker stops: on request, when stdin closes, when its parent dies.

Three ways in, one way out (see docs/adr/0006-retraining-in-a-child-process.md):

- ``cancel`` on stdin, or the end of stdin (the parent closed it, or died and
  the kernel closed it), sets the stop event. Training polls it between
  batches; the main thread then calls :meth:`Lifecycle.exit_cancelled`. A
  cancelled run keeps nothing (the parent deletes the staging folder), so
  there is nothing to clean up: the worker writes its ``cancelled`` event,
  flushes, and leaves with ``os._exit(EXIT_CANCELLED)``. Skipping the
  interpreter's teardown is deliberate: TensorFlow's ``PrefetchDataset``
  iterator could hang in its destructor during garbage collection (seen in
  gdb), and a cancel must end the process every time.
- If the main thread is stuck inside TensorFlow (graph tracing, a long
  batch) and has not left within ``grace`` seconds of the stop, a reaper
  thread does the same exit for it.
- The parent's death: on Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` lets the
  kernel kill the worker with its parent; a watchdog thread also polls the
  parent's pid (other systems, and the gap before prctl took effect): on
  POSIX whether we were re-parented, on Windows whether the pid still runs
  (see ``parent_alive``: a venv's launcher sits between the window and us).

Exit codes of the worker: 0 trained, 1 error, 2 bad arguments,
4 cancelled (``cancel``, end of stdin, or the parent gone).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

EXIT_CANCELLED = 4
CANCEL_GRACE_SECONDS = 3.0  # the main thread's chance to leave on its own
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def set_parent_death_signal(sig: int | None = None) -> bool:
    """Ask the Linux kernel to send ``sig`` (default SIGKILL) when our parent exits; False elsewhere.

    SIGKILL is looked up only here, on Linux: Windows' ``signal`` module has no such name, and a
    default read at import time stopped this module, the worker and the window from loading there."""
    if not sys.platform.startswith("linux"):
        return False
    if sig is None:
        sig = signal.SIGKILL
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def parent_alive(parent_pid: int) -> bool:
    """Whether the process ``parent_pid`` that started us still runs.

    POSIX: we are still its child (re-parenting means it died). Windows never re-parents, and a
    venv's ``Scripts\\python.exe`` (venv, pipx, uv) is a launcher that runs the real interpreter as
    its own child (bpo-34977): our parent there is the launcher, never the window, and comparing
    pids stopped every retrain at once. There the pid itself is asked; the end of stdin, which
    Windows gives us when the window dies, is the main watch."""
    if os.name == "nt":
        return _windows_process_alive(parent_pid)
    return os.getppid() == parent_pid


_SYNCHRONIZE = 0x00100000
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_ERROR_INVALID_PARAMETER = 87  # OpenProcess: no process has this pid
_WAIT_OBJECT_0 = 0  # WaitForSingleObject: the process has ended


def _windows_process_alive(pid: int) -> bool:
    """Whether ``pid`` runs, by asking Windows. Gone only when Windows says so: any other failure
    (access denied, no ctypes) counts as alive, since a false "gone" would cancel a good run."""
    try:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
        kernel32.OpenProcess.restype = ctypes.c_void_p  # a HANDLE is pointer-sized
        kernel32.WaitForSingleObject.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
        kernel32.CloseHandle.argtypes = (ctypes.c_void_p,)
        handle = kernel32.OpenProcess(_SYNCHRONIZE | _PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
        if not handle:
            return ctypes.get_last_error() != _ERROR_INVALID_PARAMETER  # type: ignore[attr-defined]
        try:
            return kernel32.WaitForSingleObject(handle, 0) != _WAIT_OBJECT_0
        finally:
            kernel32.CloseHandle(handle)
    except (OSError, AttributeError):
        return True


class Lifecycle:
    """The stop event and the guaranteed, prompt exit of one worker process."""

    def __init__(self, emit: Callable[[dict[str, Any]], None], grace: float = CANCEL_GRACE_SECONDS,
                 flush: Callable[[], None] | None = None) -> None:
        self.stop = threading.Event()
        self.reason: str | None = None
        self._emit = emit
        self._flush = flush or _flush_std
        self._grace = grace
        self._exit_lock = threading.Lock()

    # -- starting the watchers ------------------------------------------------
    def start(self, stdin: TextIO | None = None, parent_pid: int | None = None) -> None:
        """Watch stdin and the parent; call first thing in the worker."""
        parent = parent_pid if parent_pid is not None else os.getppid()
        set_parent_death_signal()
        if not parent_alive(parent):  # it died before prctl took effect
            self.exit_parent_gone()
        _daemon(self._watch_parent, parent, name="parent-watch")
        _daemon(self._watch_stdin, stdin if stdin is not None else sys.stdin, name="stdin-watch")

    def request_stop(self, reason: str) -> None:
        """Stop training; the process ends within ``grace`` seconds whatever the main thread does."""
        if self.stop.is_set():
            return
        self.reason = reason
        self.stop.set()
        _daemon(self._reap, name="cancel-reaper")

    def should_stop(self) -> bool:
        return self.stop.is_set()

    # -- leaving ----------------------------------------------------------------
    def exit_cancelled(self) -> NoReturn:
        """Say ``cancelled``, flush, and end the process now (nothing is kept)."""
        with self._exit_lock:  # the reaper and the main thread may race: one event, one exit
            with contextlib.suppress(OSError, ValueError):  # the reader is gone
                self._emit({"event": "cancelled", "reason": self.reason or "cancel"})
            self._flush()
            os._exit(EXIT_CANCELLED)

    def exit_parent_gone(self) -> NoReturn:
        """Nobody reads us any more: end at once."""
        sys.stderr.write("petloc worker: the parent process is gone; stopping\n")
        self._flush()
        os._exit(EXIT_CANCELLED)

    # -- threads -----------------------------------------------------------------
    def _watch_stdin(self, stream: TextIO | None) -> None:
        if stream is None:
            self.request_stop("stdin closed")
            return
        try:
            for line in stream:
                if line.strip().lower() == "cancel":
                    self.request_stop("cancel")
                    return
        except (OSError, ValueError):
            pass
        self.request_stop("stdin closed")  # the parent closed it, or died

    def _watch_parent(self, parent_pid: int) -> None:
        while parent_alive(parent_pid):
            time.sleep(PARENT_POLL_SECONDS)
        self.exit_parent_gone()

    def _reap(self) -> None:
        time.sleep(self._grace)
        sys.stderr.write(f"petloc worker: still busy {self._grace:.0f} s after the stop; leaving now\n")
        self.exit_cancelled()


def _daemon(target: Callable[..., None], *args: Any, name: str) -> None:
    threading.Thread(target=target, args=args, name=name, daemon=True).start()


def _flush_std() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
