"""app/file_key: the image cache key and when a result read under it may be kept (no Qt)."""

from __future__ import annotations

import os
import time

from petloc_gui.app.file_key import NO_FILE, FileStamp, file_key, may_cache


def test_key_is_path_and_file_state_or_no_file_when_missing(tmp_path):
    path = tmp_path / "a.png"
    assert file_key(path) == (str(path), NO_FILE)
    path.write_bytes(b"x")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    assert file_key(path) == (str(path), FileStamp(5_000_000_000, 1, os.stat(path).st_ctime_ns))


def test_an_edit_that_keeps_the_size_and_the_modification_time_changes_the_key(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(b"orientation 1")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    key = file_key(path)
    with open(path, "r+b") as handle:  # an EXIF-only edit in place, its time kept (exiftool -P)
        handle.write(b"orientation 6")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    while os.stat(path).st_ctime_ns == key[1].ctime_ns:  # the clock of file times ticks coarsely
        time.sleep(0.005)
        os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    assert file_key(path)[1][:2] == key[1][:2]  # same modification time and size
    assert file_key(path) != key
    assert not may_cache(path, key, failed=True)


def test_a_size_change_with_the_same_modification_time_changes_the_key(tmp_path):
    path = tmp_path / "a.png"
    path.write_bytes(b"half")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    key = file_key(path)
    path.write_bytes(b"half and the rest")
    os.utime(path, ns=(5_000_000_000, 5_000_000_000))
    assert file_key(path)[1].size != key[1].size and file_key(path) != key


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


def test_a_failure_while_the_file_could_not_be_looked_at_is_not_kept(tmp_path):
    # a folder unreadable for the moment: the key says "no file" before the read and after it, yet the failure
    # is the folder's, not the file's, and the next outage would be served it without a try
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"x")
    gone = folder / "b.jpg"
    key = file_key(gone)
    assert key[1] == NO_FILE
    assert not may_cache(gone, key, failed=True)
    assert may_cache(gone, key, failed=False)
