"""The training child process, seen from the UI: a QProcess speaking JSON lines.

``TrainingProcess`` starts ``python -P -m petloc_gui.model.train_worker`` as the benchmark does
(`retrain_policy.worker_command` in `core.child_python.child_environment`), parses
its stdout incrementally into event dicts, forwards stderr as log lines, and
stops it politely ("cancel" on stdin), then firmly (terminate, kill).
"""

from __future__ import annotations

import json
import re
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from petloc_gui.app.child_silence import OutputTimes
from petloc_gui.app.tf_log_filter import TensorFlowNoiseFilter, debug_enabled
from petloc_gui.core.child_python import CHILD_VARIABLES, child_environment
from petloc_gui.core.fs_bytes import crossing_args
from petloc_gui.core.text import counted
from petloc_gui.model.retrain_policy import WORKER_MODULE, worker_command

CANCEL_GRACE_MS = 4000
TERMINATE_GRACE_MS = 2000
MAX_LINE_BYTES = 1 << 20
# The worker's own word when a stop did not reach the training loop in time (model.worker_lifecycle)
STILL_BUSY = re.compile(r"petloc worker: still busy (\d+) s after the stop; leaving now")


def plain_worker_line(text: str) -> str:
    """A line of the worker's stderr as the log shows it: its own notes in the user's words ("petloc
    worker: still busy 3 s after the stop; leaving now" said nothing of what became of the run)."""
    busy = STILL_BUSY.fullmatch(text)
    if busy:
        return (f"[petloc] The training step under way had not finished {busy.group(1)} s after Cancel, so the "
                "training process stopped without waiting for it; nothing of this run is kept.")
    return text


class JsonLinesParser:
    """Turns a byte stream into JSON objects, one per complete line.

    Partial lines are buffered until their newline arrives; blank lines are
    skipped; lines that are not a JSON object come back as ``garbage`` so the
    caller can log them instead of failing.
    """

    def __init__(self) -> None:
        self._buffer = b""

    def feed(self, data: bytes) -> tuple[list[dict[str, Any]], list[str]]:
        """Parse what arrived; returns (events, garbage lines)."""
        self._buffer += data
        *lines, self._buffer = self._buffer.split(b"\n")
        if len(self._buffer) > MAX_LINE_BYTES:  # a runaway line without newline: give it up
            lines.append(self._buffer)
            self._buffer = b""
        return self._parse(lines)

    def flush(self) -> tuple[list[dict[str, Any]], list[str]]:
        """Parse a last line that ended without a newline (process exit)."""
        rest, self._buffer = self._buffer, b""
        return self._parse([rest])

    @staticmethod
    def _parse(lines: list[bytes]) -> tuple[list[dict[str, Any]], list[str]]:
        events: list[dict[str, Any]] = []
        garbage: list[str] = []
        for raw in lines:
            text = raw.decode("utf-8", errors="replace").strip()
            if not text:
                continue
            try:
                value = json.loads(text)
            except (ValueError, RecursionError):  # a line nested thousands deep is garbage too
                garbage.append(text)
                continue
            if isinstance(value, dict) and isinstance(value.get("event"), str):
                events.append(value)
            else:
                garbage.append(text)
        return events, garbage


@dataclass(frozen=True)
class ProcessOutcome:
    """How the child process ended."""

    exit_code: int
    crashed: bool  # killed by a signal or failed to start
    cancelled: bool  # the user asked to stop
    error_message: str | None  # from an "error" event, or QProcess
    last_stderr: list[str]
    reached: str = ""  # how far it got: "in epoch 4 of 20", "while saving the new model" ("" before the first batch)
    # why a model the run had finished is not kept (its files not complete), said before "The current model is
    # unchanged" (`retrain_ending`)
    unkept: str = ""

    def reason(self) -> str:
        """Why the child ended without finishing: its error, the signal that ended it, or its exit code."""
        return self.error_message or (_crash_reason(self.exit_code) if self.crashed
                                      else f"the training process exited with code {self.exit_code}")

    def describe(self) -> str:
        """A message for the user when the run did not succeed."""
        if self.cancelled:
            return "Training was cancelled; the current model is unchanged."
        where = f" {self.reached}" if self.reached else ""
        unkept = f"{self.unkept}\n" if self.unkept else ""
        text = f"Training failed{where}: {self.reason()}.\n{unkept}The current model is unchanged."
        if self.last_stderr:
            text += "\n\nLast log lines:\n" + "\n".join(self.last_stderr[-8:])
        return text


def _crash_reason(code: int) -> str:
    """Why the child crashed, from QProcess's exit code of a crash (the signal's number on Unix):
    Python reports its own errors as "error" events, so a crash is a signal from outside or a
    fault in native code."""
    try:
        name = signal.Signals(code).name
    except ValueError:
        return "the training process crashed"
    if code == getattr(signal, "SIGKILL", None):  # getattr: Windows has neither these nor signal exits
        return (f"the training process was killed ({name}: by the system when memory ran out, or by "
                "another program)")
    if code in {getattr(signal, n, None) for n in ("SIGSEGV", "SIGABRT", "SIGBUS", "SIGILL", "SIGFPE")}:
        return f"the training process crashed ({name}: a fault in TensorFlow or another native library)"
    return f"the training process was stopped by the signal {name}"


def _give_child_variables(environment: QProcessEnvironment) -> None:
    """``environment`` with the variables `child_environment` decides, as it decides them.

    Only those cross through a dict: on Unix a QProcessEnvironment keeps values as bytes, and a round
    trip of the whole environment through QString turned a non-UTF-8 value (PETLOC_DATA_DIR naming a
    folder "data\\xff") into U+FFFD, a folder that does not exist; on Windows ``value`` finds a
    variable whatever the case of its name, as the child does.
    """
    given = {name: environment.value(name) for name in CHILD_VARIABLES if environment.contains(name)}
    wanted = child_environment(given)
    for name in CHILD_VARIABLES:
        environment.remove(name)
        if name in wanted:
            environment.insert(name, wanted[name])


class TrainingProcess(QObject):
    """One run of the training worker."""

    # Shadows QObject.event (mypy: [assignment]), kept for the code and tests that connect to it. Qt's own
    # events still reach QObject::event: PySide6 calls a Python override only where it is a function.
    event = Signal(dict)  # type: ignore[assignment]
    log = Signal(str)
    finished = Signal(object)  # ProcessOutcome

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process = QProcess(self)
        self._process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self._process.readyReadStandardOutput.connect(self._read_stdout)
        self._process.readyReadStandardError.connect(self._read_stderr)
        self._process.finished.connect(self._on_finished)
        self._process.errorOccurred.connect(self._on_error)
        self._parser = JsonLinesParser()
        self._stderr_buffer = b""
        self._stderr_tail: deque[str] = deque(maxlen=40)
        self.noise = TensorFlowNoiseFilter()  # TensorFlow's start-up notices stay out of the log
        self._show_noise = debug_enabled()
        self._error_message: str | None = None
        self._epochs: Any = None
        self._reached = ""
        self._cancel_requested = False
        self._finished_emitted = False
        self._pid: int | None = None
        self.clock = time.monotonic
        # its last sign of life, any output (TensorFlow's hidden notices too): the window says a long silence
        self.output = OutputTimes(self.clock())
        self.cancel_grace_ms = CANCEL_GRACE_MS
        self.terminate_grace_ms = TERMINATE_GRACE_MS
        self._terminate_timer = QTimer(self)
        self._terminate_timer.setSingleShot(True)
        self._terminate_timer.timeout.connect(self._terminate)
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._process.kill)

    # -- control ----------------------------------------------------------
    def start(self, worker_args: list[str], env: dict[str, str] | None = None,
              module: str = WORKER_MODULE) -> None:
        """Start ``python -P -m <module> <worker_args>`` (the training worker; tests pass a stand-in)."""
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("PYTHONUNBUFFERED", "1")
        # The log is read as UTF-8 (_log_stderr). Python writes a pipe in the locale's encoding, on
        # Windows the ANSI code page (cp1252): "Zoë" came out as "Zo�" there, and "Ł" as "\u0141".
        environment.insert("PYTHONIOENCODING", "utf-8")
        # Info and warning notices of TensorFlow's C++ side off (the user's own setting wins).
        environment.insert("TF_CPP_MIN_LOG_LEVEL", environment.value("TF_CPP_MIN_LOG_LEVEL", "2"))
        for key, value in (env or {}).items():
            environment.insert(key, value)
        # The child runs this process's petloc_gui, not one in the current folder (core.child_python).
        _give_child_variables(environment)
        self._process.setProcessEnvironment(environment)
        # A path whose name is not UTF-8 crosses as its bytes: a QString drops them (core.fs_bytes).
        program, *arguments = worker_command(crossing_args(worker_args), module)
        self.output.started_at = self.clock()
        self._process.start(program, arguments)
        if self._process.waitForStarted(10000):
            self._pid = int(self._process.processId())

    def cancel(self) -> None:
        """Ask the worker to stop; terminate, then kill it if it does not."""
        if not self.is_running():
            return
        self._cancel_requested = True
        self._process.write(b"cancel\n")
        self._terminate_timer.start(self.cancel_grace_ms)

    def is_running(self) -> bool:
        return self._process.state() != QProcess.ProcessState.NotRunning

    @property
    def pid(self) -> int | None:
        """The child's process id while (or after) it ran."""
        return self._pid

    @property
    def qprocess(self) -> QProcess:
        return self._process

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the process ends (tests and application shutdown)."""
        return self._process.waitForFinished(msecs) or not self.is_running()

    # -- internals ---------------------------------------------------------
    def _terminate(self) -> None:
        if self.is_running():
            self.log.emit("[petloc] The training process did not stop in time after Cancel: ending it; nothing of "
                          "this run is kept.")
            self._process.terminate()
            self._kill_timer.start(self.terminate_grace_ms)

    def _read_stdout(self) -> None:
        data = bytes(self._process.readAllStandardOutput().data())
        if data:
            self.output.heard(self.clock())  # before the events are passed on: they find the child speaking
        events, garbage = self._parser.feed(data)
        self._dispatch(events, garbage)

    def _dispatch(self, events: list[dict[str, Any]], garbage: list[str]) -> None:
        for line in garbage:
            self.log.emit(line)
        for event in events:
            kind = event.get("event")
            if kind == "error":
                self._error_message = str(event.get("message") or "unknown error")
                if isinstance(event.get("while"), str) and event["while"]:  # training had finished
                    self._reached = event["while"]
            elif kind == "start":
                self._epochs = event.get("epochs")
            elif kind == "batch":
                self._reached = f"in epoch {event.get('epoch')}" + (f" of {self._epochs}" if self._epochs else "")
            elif kind == "saving":  # a crash now (or a failure not recognised as the disk's) is not "in epoch N"
                self._reached = "while saving the new model"
            elif kind == "done":  # trained and saved (`retrain_ending` checks its files): the worker scores it now
                self._reached = "while the new model was being scored"
            self.event.emit(event)

    def _read_stderr(self) -> None:
        data = bytes(self._process.readAllStandardError().data())
        if data:
            self.output.heard(self.clock())
        self._stderr_buffer += data
        *lines, self._stderr_buffer = self._stderr_buffer.split(b"\n")
        for raw in lines:
            self._log_stderr(raw)

    def _log_stderr(self, raw: bytes) -> None:
        text = raw.decode("utf-8", errors="replace").rstrip()
        if text and (self._show_noise or self.noise.keep(text)):
            text = plain_worker_line(text)
            self._stderr_tail.append(text)
            self.log.emit(text)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._error_message = f"could not start {sys.executable}: {self._process.errorString()}"
            self._emit_finished(exit_code=-1, crashed=True)

    def _on_finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        self._dispatch(*self._parser.flush())
        if self._stderr_buffer:
            self._log_stderr(self._stderr_buffer)
            self._stderr_buffer = b""
        if self.noise.hidden:
            self.log.emit(f"[petloc] {counted(self.noise.hidden, 'TensorFlow start-up notice line')} hidden "
                          "(PETLOC_DEBUG=1 shows them)")
        crashed = status == QProcess.ExitStatus.CrashExit
        self._emit_finished(exit_code=exit_code, crashed=crashed)

    def _emit_finished(self, exit_code: int, crashed: bool) -> None:
        if self._finished_emitted:
            return
        self._finished_emitted = True
        self._terminate_timer.stop()
        self._kill_timer.stop()
        # A cancel that raced with the end of training still means: do not keep it.
        cancelled = self._cancel_requested
        outcome = ProcessOutcome(
            exit_code=exit_code,
            crashed=crashed,
            cancelled=cancelled,
            error_message=self._error_message,
            last_stderr=list(self._stderr_tail),
            reached=self._reached,
        )
        self.finished.emit(outcome)
