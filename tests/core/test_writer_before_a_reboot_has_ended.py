"""A writer tag hashed Linux's boot id into its machine part, so after a reboot (a power cut: the main case) every
tag made before it named "another machine": neither ended nor running. A version left undecided by the power cut
was said "its training window closed first, or still asks", though that window had certainly ended, and a window's
mark in a trash folder (`core.in_use_marks`) kept the trash for ever. The boot is now a part of the tag of its own:
a tag of this machine and pid namespace from another boot names a writer that has ended. One of another machine
(another /etc/machine-id, though of the same host name and boot) and one of the earlier form are read as before."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.core import abandoned_folders, in_use_marks
from petloc_gui.core.abandoned_folders import (
    WRITER,
    remove_abandoned_folders,
    writer_has_ended,
    writer_runs,
    writer_tag,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="boots and pid namespaces are Linux's")

NAME = re.compile(rf"\.job-{WRITER}-[a-z0-9_]{{8}}")
REAL_BOOT_ID = Path(abandoned_folders._BOOT_ID).read_text(encoding="ascii").strip()


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def _tag_made_in(monkeypatch, boot_id: str, pid: int, machine_id: str | None = None) -> str:
    """The tag this machine (or, with ``machine_id``, another of the same host name) wrote in the boot ``boot_id``
    for the process ``pid``: `writer_tag` as it read then."""
    real_read = Path.read_text

    def read_text(path, *args, **kwargs):
        if str(path) == abandoned_folders._BOOT_ID:
            return boot_id + "\n"
        if machine_id is not None and str(path) in abandoned_folders._MACHINE_IDS:
            return machine_id + "\n"
        return real_read(path, *args, **kwargs)

    with monkeypatch.context() as then:
        then.setattr(Path, "read_text", read_text)
        return f"{writer_tag().rpartition('-')[0]}-{pid}"


def test_a_tag_of_this_machine_before_a_reboot_names_an_ended_writer(monkeypatch):
    before_reboot = _tag_made_in(monkeypatch, "00000000-0000-4000-8000-000000000000", os.getpid())
    assert before_reboot != writer_tag()  # the pid is this process's now: only the boot tells it from this one
    assert writer_has_ended(before_reboot) is True
    assert writer_runs(before_reboot) is False


def test_a_tag_of_this_boot_is_read_as_before(monkeypatch):
    assert _tag_made_in(monkeypatch, REAL_BOOT_ID, os.getpid()) == writer_tag()
    assert writer_runs(writer_tag()) is True and writer_has_ended(writer_tag()) is False
    ended = f"{writer_tag().rpartition('-')[0]}-{_ended_pid()}"
    assert writer_has_ended(ended) is True and writer_runs(ended) is False


def test_a_tag_of_another_machine_of_the_same_name_is_neither(monkeypatch):
    """Another machine of this host name writing into a shared folder: another boot, and another machine id. Its
    live writer's pid means nothing here, nor does its boot."""
    theirs = _tag_made_in(monkeypatch, "00000000-0000-4000-8000-000000000000", _ended_pid(),
                          machine_id="0123456789abcdef0123456789abcdef")
    assert writer_has_ended(theirs) is False and writer_runs(theirs) is False


def test_a_tag_of_the_earlier_form_is_read_as_before():
    """``MACHINE-PID``, MACHINE a hash of the host name, boot id and pid namespace: this boot's is this machine's,
    a pid looked up; another boot's is another machine's, kept (the safe side)."""
    def earlier(boot_id: str, pid: int) -> str:
        parts = [socket.gethostname(), boot_id, str(os.stat(abandoned_folders._PID_NAMESPACE).st_ino)]
        return f"{hashlib.sha256(repr(parts).encode()).hexdigest()[:12]}-{pid}"

    assert writer_runs(earlier(REAL_BOOT_ID, os.getpid())) is True
    assert writer_has_ended(earlier(REAL_BOOT_ID, _ended_pid())) is True
    other_boot = earlier("00000000-0000-4000-8000-000000000000", _ended_pid())
    assert writer_has_ended(other_boot) is False and writer_runs(other_boot) is False


def test_a_folder_and_a_mark_made_before_a_reboot_go(tmp_path, monkeypatch):
    before_reboot = _tag_made_in(monkeypatch, "00000000-0000-4000-8000-000000000000", os.getpid())
    folder = tmp_path / f".job-{before_reboot}-abcd1234"
    folder.mkdir()
    assert remove_abandoned_folders(tmp_path, NAME, contents=None) == [folder]

    trash = tmp_path / ".trash-v1-abcdef"
    trash.mkdir()
    mark = trash / f"{in_use_marks.PREFIX}{before_reboot}.0123abcd"
    mark.touch()
    assert in_use_marks.is_mark(mark.name)
    assert in_use_marks.users(trash) == [] and not mark.exists()


def test_without_a_machine_id_another_boot_s_tag_is_kept(monkeypatch):
    """Without /etc/machine-id (a container) another boot's tag of this host name may be another machine's."""
    monkeypatch.setattr(abandoned_folders, "_MACHINE_IDS", ("/nonexistent/machine-id",))
    before_reboot = _tag_made_in(monkeypatch, "00000000-0000-4000-8000-000000000000", _ended_pid())
    assert writer_has_ended(before_reboot) is False and writer_runs(before_reboot) is False
    assert writer_runs(writer_tag()) is True  # this boot's: looked up as before
