"""A writer tag named its machine by its host name, cleaned and cut to 32 characters, and that was all: a live
save's folder was removed by a process that could not see its writer. A process in another pid namespace of
the same host (a container sharing the host's network and name, flatpak, ``unshare -p``) found no such pid and
took the writer for ended; hosts whose names differ after the 32nd character (Kubeflow's
``…-worker-0`` / ``…-worker-1`` writing one shared --out) or only in a dot or a non-ASCII letter wrote the same
tag. The tag now tells machines and pid namespaces apart, and a folder whose tag names another, or one of the
earlier form, is kept for the day-old sweep."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(rf"\.job-{WRITER}-[a-z0-9_]{{8}}")

# Run in a new pid namespace: a folder of a process of its own that has ended, then the housekeeping.
_IN_ANOTHER_NAMESPACE = """\
import json, re, subprocess, sys
from pathlib import Path
from petloc_gui.core.abandoned_folders import remove_abandoned_folders, writer_tag

child = subprocess.Popen([sys.executable, "-c", "pass"])
child.wait()
ended = Path(sys.argv[1]) / f".job-{writer_tag().rpartition('-')[0]}-{child.pid}-ended000"
ended.mkdir()
print(json.dumps([path.name for path in remove_abandoned_folders(sys.argv[1], re.compile(sys.argv[2]), contents=None)]))
"""


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def _folder(parent: Path, writer: str) -> Path:
    folder = parent / f".job-{writer}-abcd1234"
    folder.mkdir()
    (folder / "part").write_bytes(b"half")
    return folder


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.skipif(not _unshare_works(), reason="needs unshare --pid, permitted (root, or user namespaces)")
def test_a_live_writer_s_folder_is_kept_by_a_process_in_another_pid_namespace(tmp_path):
    live = _folder(tmp_path, writer_tag())  # this test's process: alive, out of the namespace's sight
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), *([path] if path else [])]))

    done = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", sys.executable, "-c",
                           _IN_ANOTHER_NAMESPACE, str(tmp_path), NAME.pattern], env=env, capture_output=True, text=True,
                          timeout=120)

    assert done.returncode == 0, done.stderr
    # its own ended writer's folder went (the housekeeping ran there); the live one of this namespace stayed
    removed = json.loads(done.stdout)
    assert len(removed) == 1 and removed[0].endswith("-ended000")
    assert not (tmp_path / removed[0]).exists()
    assert (live / "part").is_file()


@pytest.mark.parametrize(("mine", "theirs"), [
    ("tfjob-petloc-experiment-1206-worker-0", "tfjob-petloc-experiment-1206-worker-1"),
    ("gpu-node.lab-a", "gpu-node-lab-a"),
    ("labör", "labér"),
])
def test_a_folder_of_another_host_is_kept_whatever_its_name(tmp_path, monkeypatch, mine, theirs):
    pid = _ended_pid()  # no such process here: what another host's live writer's pid looks like from here
    monkeypatch.setattr(socket, "gethostname", lambda: theirs)
    theirs_folder = _folder(tmp_path, f"{writer_tag().rpartition('-')[0]}-{pid}")
    monkeypatch.setattr(socket, "gethostname", lambda: mine)
    mine_folder = _folder(tmp_path, f"{writer_tag().rpartition('-')[0]}-{pid}")

    assert remove_abandoned_folders(tmp_path, NAME, contents=None) == [mine_folder]
    assert (theirs_folder / "part").is_file()


def test_a_folder_of_the_earlier_tag_form_is_kept(tmp_path):
    earlier = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:32] or "host"
    folder = _folder(tmp_path, f"{earlier}-{_ended_pid()}")

    assert remove_abandoned_folders(tmp_path, NAME, contents=None) == []
    assert (folder / "part").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pid namespaces are Linux's")
def test_nothing_is_removed_where_this_process_s_pid_namespace_cannot_be_read(tmp_path, monkeypatch):
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if os.fspath(path).startswith("/proc/self/ns/"):
            raise PermissionError(13, "Permission denied", path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    folder = _folder(tmp_path, f"{writer_tag().rpartition('-')[0]}-{_ended_pid()}")

    assert remove_abandoned_folders(tmp_path, NAME, contents=None) == []
    assert (folder / "part").is_file()
