"""An empty ~/.config/petloc/petloc.conf.lock (a kill landing between QLockFile's creation of it and its pid's
write) made the next petloc-gui start take about 35 s instead of 3, silently: QSettings' first write waited out
QLockFile's 30 s stale time, the only way Qt tells an empty lock stale. Settings removes such a lock, and one
naming a process of this machine that has ended, before its QSettings writes; never a live process's lock, one of
another machine, nor an empty one just made (its process may be writing its pid now), even one whose mtime reads
old (a network disk's server clock running behind): an empty lock that gets its pid, or is made again, while it is
looked at again a moment later is kept."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSysInfo

from petloc_gui.ui import settings as settings_module
from petloc_gui.ui.settings import Settings


def _lock(tmp_path):
    return tmp_path / "petloc.conf.lock"


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _aged(path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_empty_lock_left_by_a_kill_is_removed_before_the_first_write(tmp_path):
    lock = _lock(tmp_path)
    lock.touch()
    _aged(lock, 10)  # petloc killed 10 s before this start
    settings = Settings(str(tmp_path / "petloc.conf"))
    assert not lock.exists()  # else the write below waits out Qt's 30 s stale time
    started = time.monotonic()
    settings.add_recent_folder("/photos")
    assert time.monotonic() - started < 5
    assert Settings(str(tmp_path / "petloc.conf")).recent_folders == ["/photos"]


@pytest.mark.skipif(os.name != "posix", reason="whether a process has ended is asked with os.kill(pid, 0)")
def test_a_lock_of_an_ended_process_of_this_machine_is_removed(tmp_path):
    lock = _lock(tmp_path)
    lock.write_text(f"{_ended_pid()}\npetloc-gui\n{QSysInfo.machineHostName()}\n")
    Settings(str(tmp_path / "petloc.conf"))
    assert not lock.exists()


@pytest.mark.parametrize("text", [
    pytest.param(lambda: f"{os.getpid()}\npetloc-gui\n{QSysInfo.machineHostName()}\n", id="a live process"),
    pytest.param(lambda: f"{_ended_pid()}\npetloc-gui\nanother-machine-{QSysInfo.machineHostName()}\n",
                 id="another machine's process"),
    pytest.param(lambda: "", id="empty, just made"),
])
def test_a_lock_that_may_be_live_is_kept(tmp_path, text):
    lock = _lock(tmp_path)
    lock.write_text(text())
    before = lock.read_bytes()
    settings = Settings(str(tmp_path / "petloc.conf"))
    assert lock.read_bytes() == before
    assert settings.last_folder == ""  # read: reading takes no lock (no write here: it would wait 30 s)


def _holding_an_empty_lock(lock) -> int:
    """A lock as QLockFile holds it between its creation and its pid's write: made, open, still empty."""
    return os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)


@pytest.mark.parametrize("meanwhile", ["its pid written", "made again by another start"])
def test_an_empty_lock_that_looks_old_is_kept_when_it_changes_while_looked_at(tmp_path, monkeypatch, meanwhile):
    # a home on a network disk whose server's clock runs a minute behind: a lock just made reads 60 s old by its
    # mtime; its process writes its pid (or another start makes it again) a moment later. It is a live lock: kept
    lock = _lock(tmp_path)
    holder = _holding_an_empty_lock(lock)
    _aged(lock, 60)
    pid = f"{os.getpid()}\npetloc-gui\n{QSysInfo.machineHostName()}\n".encode()
    real_sleep = time.sleep

    def while_waiting(seconds: float) -> None:  # (the moment it waits before looking again)
        if meanwhile == "its pid written":
            os.write(holder, pid)
        else:
            made = tmp_path / "made-again"
            made.write_bytes(b"")
            os.replace(made, lock)
        real_sleep(seconds)

    monkeypatch.setattr(settings_module, "time", SimpleNamespace(time=time.time, sleep=while_waiting))
    try:
        Settings(str(tmp_path / "petloc.conf"))
    finally:
        os.close(holder)
    assert lock.exists(), "a live lock was removed: its process now holds a lock no other start can see"
    assert lock.read_bytes() == (pid if meanwhile == "its pid written" else b"")
