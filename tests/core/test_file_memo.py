"""`core.file_memo.FileMemo`: a value computed from a file is remembered by the file's settled state.

The memo of `parent_chain.ancestor_at`, of `labels_trained.preset_and_label` and of the model lists
(`app.model_choice`, `app.model_metrics`, `model.bundle_check`) is this one: a same-size rewrite within the
file system's clock tick keeps the file's whole state, so a file written within `SETTLED_NS` of its read is
read again; the least recently used value goes first; a computation that raises is not remembered.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from petloc_gui.core import file_memo
from petloc_gui.core.file_memo import SETTLED_NS, FileMemo


class _Reads:
    """A compute that reads the file's text, and the names of the files it read, in order."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def __call__(self, path: Path) -> str:
        self.names.append(path.name)
        return path.read_text(encoding="utf-8")


class _FrozenStat:
    """`os` as `file_memo` sees it on a file system whose clock ticks coarsely: every stat of a file says the
    state it had at its first stat (a rewrite in place, of the same size, in the same tick)."""

    def __init__(self) -> None:
        self.first: dict[str, SimpleNamespace] = {}

    def __getattr__(self, name: str):
        return getattr(os, name)

    def stat(self, path):
        info = os.stat(path)
        return self.first.setdefault(os.fspath(path), SimpleNamespace(
            st_ino=info.st_ino, st_size=info.st_size, st_mtime_ns=info.st_mtime_ns, st_ctime_ns=info.st_ctime_ns))


def _clock_at(monkeypatch, when_ns: int) -> None:
    monkeypatch.setattr(file_memo, "now_ns", lambda: when_ns)


def test_a_same_size_rewrite_within_the_settled_window_is_read_again(tmp_path, monkeypatch):
    frozen = _FrozenStat()
    monkeypatch.setattr(file_memo, "os", frozen)
    path = tmp_path / "meta.json"
    path.write_text("A", encoding="utf-8")
    state = frozen.stat(path)
    _clock_at(monkeypatch, max(state.st_mtime_ns, state.st_ctime_ns) + SETTLED_NS - 1)  # read within the window
    reads, memo = _Reads(), FileMemo[str]()
    assert memo.get(path, reads) == "A"
    path.write_text("B", encoding="utf-8")  # the same size, in the same tick: its stat says the first state
    assert memo.get(path, reads) == "B"
    assert reads.names == ["meta.json", "meta.json"]


def test_a_same_size_rewrite_with_its_modification_time_put_back_is_read_again(tmp_path, settled_clock):
    """An edit that keeps the size and sets the old modification time back (`touch -r`, an editor keeping
    it): the change time tells it."""
    path = tmp_path / "meta.json"
    path.write_text("A", encoding="utf-8")
    before = os.stat(path)
    reads, memo = _Reads(), FileMemo[str]()
    assert memo.get(path, reads) == "A"
    time.sleep(0.05)  # past the kernel's timestamp granularity: the rewrite's change time is another
    path.write_text("B", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    assert memo.get(path, reads) == "B"


def test_a_file_settled_when_read_is_read_once_and_again_when_its_state_changes(tmp_path, settled_clock):
    path = tmp_path / "meta.json"
    path.write_text("A", encoding="utf-8")
    reads, memo = _Reads(), FileMemo[str]()
    assert memo.get(path, reads) == memo.get(path, reads) == "A"
    assert reads.names == ["meta.json"]
    path.write_text("BB", encoding="utf-8")
    assert memo.get(path, reads) == "BB"
    assert reads.names == ["meta.json", "meta.json"]


def test_the_least_recently_used_value_goes_first(tmp_path, settled_clock):
    for name in "abc":
        (tmp_path / name).write_text(name, encoding="utf-8")
    reads, memo = _Reads(), FileMemo[str](limit=2)
    memo.get(tmp_path / "a", reads)
    memo.get(tmp_path / "b", reads)
    memo.get(tmp_path / "a", reads)  # a used again: b is now the least recently used
    memo.get(tmp_path / "c", reads)  # the memo is full: b goes
    assert reads.names == ["a", "b", "c"]
    memo.get(tmp_path / "a", reads)
    assert reads.names == ["a", "b", "c"]
    memo.get(tmp_path / "b", reads)
    assert reads.names == ["a", "b", "c", "b"]


def test_a_compute_that_raises_is_not_remembered(tmp_path, settled_clock):
    path = tmp_path / "meta.json"
    path.write_text("{half", encoding="utf-8")
    memo, calls = FileMemo[str](), []

    def damaged(read: Path) -> str:
        calls.append(read.name)
        raise ValueError("cut short")

    with pytest.raises(ValueError, match="cut short"):
        memo.get(path, damaged)
    reads = _Reads()
    assert memo.get(path, reads) == "{half"  # the same state: computed, not a remembered failure
    assert (calls, reads.names) == (["meta.json"], ["meta.json"])


def test_a_missing_file_raises_what_stat_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        FileMemo[str]().get(tmp_path / "missing", _Reads())


def test_clear_forgets_every_value(tmp_path, settled_clock):
    path = tmp_path / "meta.json"
    path.write_text("A", encoding="utf-8")
    reads, memo = _Reads(), FileMemo[str]()
    memo.get(path, reads)
    memo.clear()
    memo.get(path, reads)
    assert reads.names == ["meta.json", "meta.json"]
