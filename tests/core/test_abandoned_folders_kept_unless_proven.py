"""`remove_abandoned_folders` removes a temporary folder only when its name proves its writer ended: a process
of this machine that runs no more. One of another machine (a shared folder; the pid means nothing here),
one of this process, a symbolic link and a file are kept."""

from __future__ import annotations

import re
import subprocess
import sys

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag

NAME = re.compile(rf"\.job-{WRITER}-[a-z0-9_]{{8}}")


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def test_only_a_folder_of_an_ended_process_of_this_machine_goes(tmp_path):
    host = writer_tag().rpartition("-")[0]
    pid = _ended_pid()
    ended = tmp_path / f".job-{host}-{pid}-abcd1234"
    elsewhere = tmp_path / f".job-{'0' * 12 if host != '0' * 12 else '1' * 12}-{pid}-abcd1234"
    mine = tmp_path / f".job-{writer_tag()}-abcd1234"
    for folder in (ended, elsewhere, mine):
        folder.mkdir()
        (folder / "part").write_bytes(b"half")
    outside = tmp_path / "outside"
    outside.mkdir()
    link = tmp_path / f".job-{host}-{pid}-efgh5678"
    link.symlink_to(outside, target_is_directory=True)
    (tmp_path / f".job-{host}-{pid}-ijkl9012").write_text("a file")

    assert remove_abandoned_folders(tmp_path, NAME, contents=None) == [ended]
    assert not ended.exists()
    assert (elsewhere / "part").is_file() and (mine / "part").is_file()
    assert link.is_symlink() and outside.is_dir() and (tmp_path / f".job-{host}-{pid}-ijkl9012").is_file()


def test_a_folder_its_contents_check_refuses_is_kept(tmp_path):
    host = writer_tag().rpartition("-")[0]
    pid = _ended_pid()
    ours = tmp_path / f".job-{host}-{pid}-abcd1234"
    theirs = tmp_path / f".job-{host}-{pid}-efgh5678"
    for folder, name in ((ours, "part"), (theirs, "notes.txt")):
        folder.mkdir()
        (folder / name).write_bytes(b"half")

    def holds_only_parts(folder):
        return all(path.name == "part" for path in folder.iterdir())

    assert remove_abandoned_folders(tmp_path, NAME, contents=holds_only_parts) == [ours]
    assert (theirs / "notes.txt").is_file()
