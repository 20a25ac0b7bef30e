"""A batch of atomic writes syncs each file and its folder once at the end (`folders_synced_once`):
on a slow disk each fsync is what a save costs, and Save All of N images paid 2N of them."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.atomic import atomic_write_bytes, folders_synced_once, sync_written_folders


@pytest.fixture
def fsyncs(monkeypatch):
    """Every fsync as ("dir", path) or ("file", None), in order."""
    seen: list[tuple[str, str | None]] = []
    real = os.fsync

    def fsync(fd):
        mode = os.fstat(fd).st_mode
        seen.append(("dir", os.readlink(f"/proc/self/fd/{fd}")) if stat.S_ISDIR(mode) else ("file", None))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    return seen


def _dirs(seen):
    return [path for kind, path in seen if kind == "dir"]


def test_alone_each_write_syncs_its_file_then_its_folder(tmp_path, fsyncs):
    for name in "abc":
        atomic_write_bytes(tmp_path / f"{name}.xml", b"x")
    assert [kind for kind, _ in fsyncs] == ["file", "dir"] * 3


def test_in_a_batch_every_file_is_synced_and_each_folder_once_at_the_end(tmp_path, fsyncs):
    other = tmp_path / "sub"
    other.mkdir()
    with folders_synced_once():
        for name in "abc":
            atomic_write_bytes(tmp_path / f"{name}.xml", name.encode())
        atomic_write_bytes(other / "d.xml", b"d")
        assert _dirs(fsyncs) == []  # not yet: at the end
        assert (tmp_path / "b.xml").read_bytes() == b"b"  # each file is in place as soon as written
    assert [kind for kind, _ in fsyncs] == ["file"] * 4 + ["dir"] * 2
    assert _dirs(fsyncs) == [str(tmp_path), str(other)]


def test_a_batch_that_raises_still_syncs_what_it_wrote(tmp_path, fsyncs):
    with pytest.raises(RuntimeError), folders_synced_once():
        atomic_write_bytes(tmp_path / "a.xml", b"a")
        raise RuntimeError("a question's crash")
    assert _dirs(fsyncs) == [str(tmp_path)]
    with folders_synced_once():
        atomic_write_bytes(tmp_path / "b.xml", b"b")
    assert _dirs(fsyncs) == [str(tmp_path)] * 2  # the next batch starts afresh


def test_a_nested_batch_is_part_of_the_outer_one_and_syncing_early_empties_it(tmp_path, fsyncs):
    with folders_synced_once():
        with folders_synced_once():
            atomic_write_bytes(tmp_path / "a.xml", b"a")
        assert _dirs(fsyncs) == []
        sync_written_folders()  # before a question: what was written does not wait on the answer
        assert _dirs(fsyncs) == [str(tmp_path)]
        atomic_write_bytes(tmp_path / "b.xml", b"b")
    assert _dirs(fsyncs) == [str(tmp_path)] * 2


def test_another_threads_writes_are_not_held_back(tmp_path, fsyncs):
    with folders_synced_once():
        worker = threading.Thread(target=atomic_write_bytes, args=(tmp_path / "cache.json", b"{}"))
        worker.start()
        worker.join()
        assert _dirs(fsyncs) == [str(tmp_path)]  # the worker's own write, synced as always
