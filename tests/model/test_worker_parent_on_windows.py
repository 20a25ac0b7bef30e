"""The worker's parent check on Windows, where a venv's python.exe is a launcher between window and worker.

A Windows venv's Scripts\\python.exe (venv, pipx, uv) runs the real interpreter as its child (bpo-34977),
so the worker's os.getppid() is the launcher's pid, not the window's --parent-pid: every retrain exited
4 "the parent process is gone" at once. On Windows the given pid itself is now asked (OpenProcess).
Simulated here: os.name "nt" and a kernel32 that answers from Linux's process table, and a launcher
script that runs Python as its child instead of exec'ing it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from petloc_gui.model import worker_lifecycle as lifecycle
from petloc_gui.model.train_worker import EXIT_CANCELLED, EXIT_OK

REPO = Path(__file__).resolve().parents[2]


def _pid_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FakeKernel32:
    """OpenProcess/WaitForSingleObject/CloseHandle over Linux's pids; ``ended`` pids are opened but signalled."""

    def __init__(self, ended=(), denied=()):
        self.ended, self.denied, self.error, self.open, self.asked = set(ended), set(denied), 0, set(), []
        # Plain functions, as ctypes' are: the code sets their restype and argtypes.
        self.OpenProcess = lambda *args: self._open_process(*args)
        self.WaitForSingleObject = lambda *args: self._wait(*args)
        self.CloseHandle = lambda handle: self.open.discard(handle)

    def _open_process(self, access, inherit, pid):
        self.asked.append(pid)
        if pid in self.denied:
            self.error = 5  # ERROR_ACCESS_DENIED
            return None
        if not _pid_runs(pid) and pid not in self.ended:
            self.error = 87  # ERROR_INVALID_PARAMETER: no such process
            return None
        self.open.add(pid)
        return pid

    def _wait(self, handle, milliseconds):
        return 0 if handle in self.ended else 0x102  # WAIT_OBJECT_0 / WAIT_TIMEOUT


def windows_os() -> types.ModuleType:
    """``os`` as worker_lifecycle sees it on Windows (os.name "nt"), leaving the real one alone."""
    module = types.ModuleType("os")
    module.__dict__.update(vars(os))
    module.name = "nt"
    return module


def _on_windows(monkeypatch, kernel32):
    import ctypes

    monkeypatch.setattr(lifecycle, "os", windows_os())
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error=False: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: kernel32.error, raising=False)


def test_on_windows_the_given_pid_is_asked_not_our_parent(monkeypatch):
    kernel32 = FakeKernel32()
    _on_windows(monkeypatch, kernel32)
    monkeypatch.setattr(lifecycle.os, "getppid", lambda: 4242)  # the venv launcher, not the window
    assert lifecycle.parent_alive(os.getpid()) is True
    assert kernel32.asked == [os.getpid()] and kernel32.open == set()  # asked, and the handle closed


def test_on_windows_a_parent_that_ended_or_never_was_is_gone(monkeypatch):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    kernel32 = FakeKernel32(ended={12345})
    _on_windows(monkeypatch, kernel32)
    assert lifecycle.parent_alive(child.pid) is False  # OpenProcess: no such process
    assert lifecycle.parent_alive(12345) is False  # opened, but it has ended


def test_on_windows_only_a_clear_answer_means_gone(monkeypatch):
    import ctypes

    kernel32 = FakeKernel32(denied={os.getpid()})
    _on_windows(monkeypatch, kernel32)
    assert lifecycle.parent_alive(os.getpid()) is True  # access denied: it exists
    assert kernel32.asked == [os.getpid()]
    monkeypatch.setattr(ctypes, "WinDLL", lambda *a, **k: (_ for _ in ()).throw(OSError("no kernel32")))
    assert lifecycle.parent_alive(os.getpid()) is True  # stdin's end still watches


def test_on_linux_the_parent_is_still_compared(monkeypatch):
    monkeypatch.setattr(lifecycle.os, "getppid", lambda: 1)  # re-parented: the parent died
    assert lifecycle.parent_alive(4242) is False
    monkeypatch.setattr(lifecycle.os, "getppid", lambda: 4242)
    assert lifecycle.parent_alive(4242) is True


# The worker as Windows runs it: Python with os.name "nt" for worker_lifecycle and a fake kernel32.
SIMULATED_WINDOWS_WORKER = '''
import ctypes, runpy, sys
sys.path.insert(0, sys.argv.pop(1))
from tests.model.test_worker_parent_on_windows import FakeKernel32, windows_os
from petloc_gui.model import worker_lifecycle
worker_lifecycle.os = windows_os()
kernel32 = FakeKernel32()
ctypes.WinDLL = lambda name, use_last_error=False: kernel32
ctypes.get_last_error = lambda: kernel32.error
sys.argv[0] = "standin_worker"
runpy.run_module("tests.standin_worker", run_name="__main__")
'''


@pytest.mark.parametrize("windows", [True, False], ids=["windows", "linux"])
def test_a_worker_started_through_a_launcher_trains(tmp_path, windows):
    launcher = tmp_path / "python-launcher.sh"  # like Scripts\\python.exe: Python runs as its child, no exec
    launcher.write_text(f'#!/bin/sh\n"{sys.executable}" "$@"\nexit $?\n')
    launcher.chmod(0o755)
    data = tmp_path / "data"
    data.mkdir()
    program = ["-c", SIMULATED_WINDOWS_WORKER, str(REPO)] if windows else ["-m", "tests.standin_worker"]
    cmd = [str(launcher), *program, "--parent-pid", str(os.getpid()), "--data", str(data), "--preset", "digits",
           "--out", str(tmp_path / "out"), "--epochs", "3", "--steps", "3", "--delay", "0.3"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=REPO)
    try:
        _out, err = _finish_keeping_stdin(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
    if windows:
        assert proc.returncode == EXIT_OK, err
    else:  # Linux keeps comparing the parent's pid: a launcher between us is not our parent
        assert proc.returncode == EXIT_CANCELLED and "parent process is gone" in err


def _finish_keeping_stdin(proc) -> tuple[str, str]:
    """Wait for the end with stdin still open (its end would cancel the run)."""
    import threading

    err: list[str] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
    reader.start()
    out = proc.stdout.read()
    proc.wait(timeout=60)
    reader.join(60)
    return out, "".join(err)
