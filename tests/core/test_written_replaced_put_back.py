"""`Written.wrote` over a file that was there (a label file or VOC file --overwrite replaced, the user's data.yaml):
taken back, it was left holding the run's content (petloc's class ids under the user's names), the message saying
the files there before were "as they were". The file's bytes, mode and times are kept before it is replaced and
put back on a take-back (`Written.put_back_replaced`); one written again by the run keeps the first version."""

from __future__ import annotations

import os
import stat

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import written as written_module
from petloc_gui.core.interop.files import write_derived
from petloc_gui.core.interop.written import Written


def test_a_replaced_file_is_put_back_byte_for_byte_with_its_mode_and_times(tmp_path):
    theirs = tmp_path / "a.txt"
    theirs.write_bytes(b"0 0.7 0.6 0.5 0.6\r\n")
    os.chmod(theirs, 0o640)
    os.utime(theirs, ns=(1_000_000_000, 2_000_000_000))
    written = Written()
    written.wrote(theirs, lambda: write_derived(theirs, b"1 0.1 0.1 0.1 0.1\n"))
    written.wrote(theirs, lambda: write_derived(theirs, b"1 0.2 0.2 0.2 0.2\n"))  # again: the first kept
    assert theirs.read_bytes() == b"1 0.2 0.2 0.2 0.2\n"
    assert written.take_back() == (0, [])
    assert written.put_back_replaced() == (1, [])
    assert theirs.read_bytes() == b"0 0.7 0.6 0.5 0.6\r\n"
    assert stat.S_IMODE(theirs.stat().st_mode) == 0o640
    assert theirs.stat().st_mtime_ns == 2_000_000_000
    assert written.put_back_replaced() == (0, [])  # once


def test_a_file_the_run_made_and_wrote_again_is_removed_not_put_back(tmp_path):
    new = tmp_path / "new.txt"
    written = Written()
    written.wrote(new, lambda: new.write_bytes(b"first"))
    written.wrote(new, lambda: new.write_bytes(b"second"))
    assert written.take_back() == (1, []) and written.put_back_replaced() == (0, [])
    assert not new.exists()


def test_a_link_replaced_by_a_file_is_a_link_again(tmp_path):
    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    real.write_bytes(b"theirs")
    link.symlink_to("real.txt")
    written = Written()
    written.wrote(link, lambda: write_derived(link, b"the run's"))  # replaces the link itself
    assert written.put_back_replaced() == (1, [])
    assert link.is_symlink() and os.readlink(link) == "real.txt" and real.read_bytes() == b"theirs"


def test_one_that_cannot_be_put_back_is_named_and_kept_for_another_try(tmp_path, monkeypatch):
    theirs = tmp_path / "a.xml"
    theirs.write_bytes(b"<annotation/>")
    written = Written()
    written.wrote(theirs, lambda: write_derived(theirs, b"<annotation>run</annotation>"))

    def full(path, data):
        raise SaveError("cannot save: No space left on device", path)

    monkeypatch.setattr(written_module, "atomic_write_bytes", full)
    assert written.put_back_replaced() == (0, [theirs])
    assert theirs.read_bytes() == b"<annotation>run</annotation>"
    monkeypatch.undo()
    assert written.put_back_replaced() == (1, []) and theirs.read_bytes() == b"<annotation/>"


def _refused(path, data):
    """`atomic_write_bytes` for a user other than root over a read-only file (root's os.access says writable)."""
    raise SaveError("cannot save: the file is read-only", path)


def test_a_file_the_write_refused_is_never_put_back_nor_named(tmp_path):
    # before: kept ahead of the write, it was "put back" on a stop (rewritten as root; refused to a user, who was
    # told it "could not be put back ... holds what it wrote", the unfinished mark kept), though never changed
    theirs = tmp_path / "a.xml"
    theirs.write_bytes(b"<annotation/>")
    os.chmod(theirs, 0o444)
    before = theirs.stat()
    written = Written()
    with pytest.raises(SaveError):
        written.wrote(theirs, lambda: _refused(theirs, b"<annotation>run</annotation>"))
    assert written.replaced == {}
    assert written.put_back_replaced() == (0, [])
    after = theirs.stat()
    assert theirs.read_bytes() == b"<annotation/>"
    assert (after.st_ino, after.st_mtime_ns, after.st_ctime_ns) == (before.st_ino, before.st_mtime_ns,
                                                                    before.st_ctime_ns)


def test_a_write_that_replaced_the_file_then_failed_still_puts_it_back(tmp_path):
    theirs = tmp_path / "a.txt"
    theirs.write_bytes(b"0 0.5 0.5 0.2 0.2\n")

    def replaced_then_failed():  # the folder's fsync after the rename, say
        write_derived(theirs, b"1 0.5 0.5 0.2 0.2\n")
        raise SaveError("cannot save: Input/output error", theirs)

    written = Written()
    with pytest.raises(SaveError):
        written.wrote(theirs, replaced_then_failed)
    assert written.put_back_replaced() == (1, [])
    assert theirs.read_bytes() == b"0 0.5 0.5 0.2 0.2\n"
