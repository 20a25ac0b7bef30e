"""app/file_key: the image cache key and when a result read under it may be kept (no Qt)."""

from __future__ import annotations

import os

from petloc_gui.app.file_key import file_key, may_cache


def test_key_is_path_and_mtime_or_minus_one_when_missing(tmp_path):
    path = tmp_path / "a.png"
    assert file_key(path) == (str(path), -1)
    path.write_bytes(b"x")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    assert file_key(path) == (str(path), 5_000_000_000)


def test_success_is_kept_even_if_the_file_changed_meanwhile(tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(b"x")
    key = file_key(path)
    path.unlink()
    assert may_cache(path, key, failed=False)


def test_failure_is_kept_only_if_the_file_did_not_change_while_it_was_read(tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(b"half")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    key = file_key(path)
    assert may_cache(path, key, failed=True)  # unchanged: a broken file stays broken
    os.utime(path, ns=(6_000_000_000, 6_000_000_000))  # copied on meanwhile
    assert not may_cache(path, key, failed=True)
    path.unlink()  # deleted meanwhile: may come back with its old time
    assert not may_cache(path, key, failed=True)
