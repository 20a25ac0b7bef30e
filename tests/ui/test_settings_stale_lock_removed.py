"""An empty ~/.config/petloc/petloc.conf.lock (a kill landing between QLockFile's creation of it and its pid's
write) made the next petloc-gui start take about 35 s instead of 3, silently: QSettings' first write waited out
QLockFile's 30 s stale time, the only way Qt tells an empty lock stale. Settings removes such a lock, and one
naming a process of this machine that has ended, before its QSettings writes; never a live process's lock, one of
another machine, nor an empty one just made (its process may be writing its pid now)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QSysInfo

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
