"""A `petloc convert --from` killed by a power cut leaves its mark `.petloc-export-unfinished`, which named it by PID
and host name only: after the reboot that PID may be an unrelated live process's, and every later `--from` into that
OUT was refused for good ("another petloc convert --from (process N) is writing into this folder ...; run this one
once it has finished"), never told the mark could be deleted. The mark now names its writer as the temporary
folders' names do (`core.abandoned_folders.writer_tag`: machine, boot, PID) and when its process started: one of
another boot, or whose PID is now a process started at another time, has ended, and its mark is taken over. A mark
without that (older) is read as before, and its refusal says the way out."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from petloc_gui.core import abandoned_folders
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import unfinished, unfinished_writer
from petloc_gui.core.interop.unfinished_conversion import begin_conversion
from petloc_gui.core.interop.written import Written

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="boots and /proc are Linux's")


@pytest.fixture
def other() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is no petloc convert: one given the PID of a killed run after a reboot."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        yield process
    finally:
        process.kill()
        process.wait(timeout=60)


def _marked_by(monkeypatch, out: Path, pid: int, *, boot_id: str | None = None, started: str | None = None) -> None:
    """Write the mark of a conversion by the process ``pid`` in the boot ``boot_id`` (None: this one), which
    started at ``started`` (None: as /proc says ``pid`` did), as `begin_conversion` writes it there."""
    real_read = Path.read_text

    def read_text(path, *args, **kwargs):
        if boot_id is not None and str(path) == abandoned_folders._BOOT_ID:
            return boot_id + "\n"
        return real_read(path, *args, **kwargs)

    with monkeypatch.context() as then:
        then.setattr(Path, "read_text", read_text)
        then.setattr(os, "getpid", lambda: pid)
        if started is not None:
            then.setattr(unfinished_writer, "started", lambda _pid: started)
        begin_conversion(out, [out], Written())


@linux_only
def test_a_mark_of_another_boot_naming_a_live_process_now_is_taken_over(tmp_path, monkeypatch, other):
    out = tmp_path / "out"
    out.mkdir()
    _marked_by(monkeypatch, out, other.pid, boot_id="00000000-0000-4000-8000-000000000000")
    written = Written()
    begin_conversion(out, [out], written)
    assert written.marked and unfinished.ours(out)


@linux_only
def test_a_mark_whose_pid_is_now_a_process_started_later_is_taken_over(tmp_path, monkeypatch, other):
    out = tmp_path / "out"
    out.mkdir()
    _marked_by(monkeypatch, out, other.pid, started="1")  # its writer started then, the process of its PID later
    written = Written()
    begin_conversion(out, [out], written)
    assert written.marked and unfinished.ours(out)


@linux_only
def test_the_mark_of_a_conversion_running_now_is_still_refused(tmp_path, monkeypatch, other):
    out = tmp_path / "out"
    out.mkdir()
    _marked_by(monkeypatch, out, other.pid)  # the process of this boot that wrote it, running
    mark = (out / unfinished.MARK).read_bytes()
    with pytest.raises(SaveError, match=f"another petloc convert --from \\(process {other.pid}\\)"):
        begin_conversion(out, [out], Written())
    assert (out / unfinished.MARK).read_bytes() == mark


def test_a_mark_of_this_process_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    begin_conversion(out, [out], Written())
    with pytest.raises(SaveError, match=f"process {os.getpid()}"):
        begin_conversion(out, [out], Written())


def test_an_older_marks_refusal_says_it_can_be_deleted(tmp_path, other):
    out = tmp_path / "out"
    out.mkdir()
    (out / unfinished.MARK).write_text(f"{other.pid} {socket.gethostname()} voc -\nexplanation\n", encoding="utf-8")
    with pytest.raises(SaveError) as refused:
        begin_conversion(out, [out], Written())
    said = str(refused.value)
    assert f"another petloc convert --from (process {other.pid}) is writing into this folder" in said
    assert f"if no petloc convert runs on this machine, delete {unfinished.MARK}" in said


def test_an_older_mark_of_an_ended_process_is_taken_over(tmp_path):
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait(timeout=60)
    out = tmp_path / "out"
    out.mkdir()
    (out / unfinished.MARK).write_text(f"{ended.pid} {socket.gethostname()} voc -\nexplanation\n", encoding="utf-8")
    written = Written()
    begin_conversion(out, [out], written)
    assert written.marked and unfinished.ours(out)


def test_the_mark_names_its_writer_after_its_first_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    begin_conversion(out, [out], Written())
    first, second = (out / unfinished.MARK).read_text(encoding="utf-8").split("\n")[:2]
    assert first == f"{os.getpid()} {socket.gethostname()} {unfinished.VOC} {unfinished.NO_MANIFEST}"
    assert second.split(" ")[:2] == ["writer", abandoned_folders.writer_tag()]
    assert unfinished.earlier_format(out) == (unfinished.VOC, unfinished.NO_MANIFEST)
    assert not unfinished.interrupted(out)  # a conversion's mark marks no export
