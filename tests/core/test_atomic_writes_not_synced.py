"""`writes_not_synced` leaves out both fsyncs of an atomic write (derived files, or a folder made durable at once
by `sync_tree` before it is renamed); the file still replaces the old one whole."""

from __future__ import annotations

import pytest

from petloc_gui.core import atomic
from petloc_gui.core.atomic import atomic_write_bytes, folders_synced_once, sync_tree, writes_not_synced


@pytest.fixture
def fsyncs(fsyncs_seen):
    return fsyncs_seen


def test_no_fsync_inside_the_block_nested_or_in_a_batch_and_both_after_it(tmp_path, fsyncs):
    with folders_synced_once(), writes_not_synced():
        atomic_write_bytes(tmp_path / "a.xml", b"a")
        with writes_not_synced():
            atomic_write_bytes(tmp_path / "a.xml", b"b")
        atomic_write_bytes(tmp_path / "c.xml", b"c")
    assert fsyncs == []
    assert (tmp_path / "a.xml").read_bytes() == b"b" and not list(tmp_path.glob(".*.tmp"))
    atomic_write_bytes(tmp_path / "d.xml", b"d")
    assert [kind for kind, _ in fsyncs] == ["file", "dir"]


def test_sync_tree_syncs_each_file_once_then_its_folder_deepest_first(tmp_path, fsyncs):
    (tmp_path / "sub").mkdir()
    for path in (tmp_path / "a", tmp_path / "b", tmp_path / "sub" / "c"):
        path.write_bytes(b"x")
    assert sync_tree(tmp_path) == 3
    assert fsyncs == [("file", str(tmp_path / "sub" / "c")), ("dir", str(tmp_path / "sub")),
                      ("file", str(tmp_path / "a")), ("file", str(tmp_path / "b")), ("dir", str(tmp_path))]


def test_a_file_that_cannot_be_synced_is_said(tmp_path, monkeypatch):
    from petloc_gui.core.errors import SaveError

    (tmp_path / "a").write_bytes(b"x")

    def refused(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", refused)
    with pytest.raises(SaveError, match="Input/output error"):
        sync_tree(tmp_path)
