"""An ancestor's meta.json rewritten with the same size is read again (`parent_chain.ancestor_at`'s memo).

What a walk keeps of a meta.json is memoised by the file's state (`core.file_memo`: path, inode, size,
modification and change times). A parent's meta.json edited to name another parent of the same length
(version ids all have one length) keeps its size: a stamp of path and size alone would serve the old parent,
and the chain would be walked through a model it no longer names. On a file system whose clock ticks
coarsely, a rewrite within the tick of the read keeps the whole state: a meta.json written within
`file_memo.SETTLED_NS` of its read is not memoised.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from petloc_gui.core import file_memo
from petloc_gui.model import parent_chain as parent_chain_module
from petloc_gui.model.parent_chain import parent_chain

A, B, V1, V2 = (f"digits-20260101T00000{i}Z-ggggg{i}" for i in range(4))



def _text(parent: str) -> str:
    return json.dumps({"version_id": V1, "preset": "digits", "parent": parent, "parent_version_id": parent})


def _parent_of_v1() -> str | None:
    return parent_chain({"version_id": V2, "parent": V1}).found[0][1].parent


def test_a_same_size_edit_in_place_is_read_again(_isolated_user_data, settled_clock):
    """Read long after it was written (settled_clock: memoised), then edited in place a tick later."""
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    assert _parent_of_v1() == A
    before = os.stat(meta)
    with open(meta, "r+", encoding="utf-8") as file:  # the same file, the same size, another parent
        file.write(_text(B))
    after = os.stat(meta)
    assert (after.st_ino, after.st_size) == (before.st_ino, before.st_size)
    os.utime(meta, ns=(after.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # a clock tick later
    assert _parent_of_v1() == B


def test_a_same_size_replacement_with_its_time_kept_is_read_again(_isolated_user_data, settled_clock):
    """`cp -p`, `rsync -a`: another file in its place, its modification time the old one's (read long after
    it was written: settled_clock)."""
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    assert _parent_of_v1() == A
    before = os.stat(meta)
    replacement = Path(f"{meta}.new")
    replacement.write_text(_text(B), encoding="utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, meta)
    assert (os.stat(meta).st_size, os.stat(meta).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert _parent_of_v1() == B


TICK_NS = 2_000_000_000  # FAT's clock


class _CoarseClock:
    """`os` as `core.file_memo` (`ancestor_at`'s memo) sees it on a file system whose clock ticks coarsely (FAT):
    modification times in 2 s ticks, and a change time that is the file's creation time (a rewrite in place
    keeps it)."""

    def __init__(self) -> None:
        self.created: dict[str, int] = {}

    def __getattr__(self, name: str):
        return getattr(os, name)

    def stat(self, path, *args, **kwargs):
        info = os.stat(path, *args, **kwargs)
        mtime = info.st_mtime_ns - info.st_mtime_ns % TICK_NS
        ctime = self.created.setdefault(os.path.abspath(path), mtime)
        return SimpleNamespace(st_ino=info.st_ino, st_size=info.st_size, st_mtime_ns=mtime, st_ctime_ns=ctime)


@pytest.fixture
def coarse_clock(monkeypatch):
    monkeypatch.setattr(file_memo, "os", _CoarseClock())


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The meta.json files the walks read (not served by `ancestor_at`'s memo), by their folders' names."""
    read: list[str] = []
    read_meta = parent_chain_module.read_meta
    monkeypatch.setattr(parent_chain_module, "read_meta", lambda folder: read.append(Path(folder).name)
                        or read_meta(folder))
    return read


@pytest.mark.usefixtures("coarse_clock")
def test_a_same_size_rewrite_in_the_clock_tick_of_its_read_is_read_again(_isolated_user_data, reads):
    """Read, then rewritten in place within the same tick: the same path, inode, size, and (os.utime: the
    tick is the same) modification time; the change time is the creation time. Only the time of the read,
    within a tick of the file's, tells that the stamp cannot be trusted (git's racy-clean rule)."""
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    assert _parent_of_v1() == A
    before = os.stat(meta)
    with open(meta, "r+", encoding="utf-8") as file:
        file.write(_text(B))
    os.utime(meta, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(meta)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert _parent_of_v1() == B
    assert reads == [V1, V1]


@pytest.mark.usefixtures("coarse_clock")
def test_a_meta_json_written_ticks_before_its_read_is_read_once(_isolated_user_data, reads):
    meta = _isolated_user_data / "models" / "digits" / V1 / "meta.json"
    meta.parent.mkdir(parents=True)
    meta.write_text(_text(A), encoding="utf-8")
    written = time.time_ns() - 10 * TICK_NS  # as a run's parent, written long before
    os.utime(meta, ns=(written, written))
    assert _parent_of_v1() == A
    assert _parent_of_v1() == A
    assert reads == [V1]
