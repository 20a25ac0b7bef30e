"""A conversion's take-back wrote its before-run bytes over a save made while it ran: `petloc convert YOLO --from yolo
VOC --overwrite` on a folder also open in the window, a.xml saved there (or rewritten by another tool) after the run
had replaced it, then Ctrl+C: "the 3 files it had replaced were put back as they were", and the user's newer save was
gone. A file the run wrote (`Written.wrote`, `Written.created`) is stamped right after its write; one changed since
is neither put back nor removed, but left as it is and named (`Written.changed`): its bytes tell, not its times."""

from __future__ import annotations

import os
from pathlib import Path

from petloc_gui.core.interop.files import write_derived
from petloc_gui.core.interop.written import Written

USERS_SAVE = b"<annotation><object><name>kitten</name></object></annotation>"


def _replaced(tmp_path: Path) -> tuple[Path, Written]:
    theirs = tmp_path / "a.xml"
    theirs.write_bytes(b"<annotation/>")
    written = Written()
    written.wrote(theirs, lambda: write_derived(theirs, b"<annotation>the run's</annotation>"))
    return theirs, written


def test_a_replaced_file_saved_over_meanwhile_is_left_as_it_is(tmp_path):
    theirs, written = _replaced(tmp_path)
    write_derived(theirs, USERS_SAVE)  # the window's save: a new file under the name
    assert written.put_back_replaced() == (0, [])
    assert written.changed == [theirs]
    assert theirs.read_bytes() == USERS_SAVE
    assert written.put_back_replaced() == (0, []) and written.changed == [theirs]  # said once


def test_one_rewritten_in_place_or_removed_meanwhile_is_left_too(tmp_path):
    theirs, written = _replaced(tmp_path)
    other = tmp_path / "b.xml"
    other.write_bytes(b"<annotation>b</annotation>")
    written.wrote(other, lambda: write_derived(other, b"<annotation>the run's b</annotation>"))
    with open(theirs, "r+b") as handle:  # another tool writing into the same file
        handle.write(USERS_SAVE)
    other.unlink()
    assert written.put_back_replaced() == (0, [])
    assert written.changed == [theirs, other]
    assert theirs.read_bytes() == USERS_SAVE and not other.exists()


def test_a_new_file_saved_over_meanwhile_is_not_removed(tmp_path):
    new, untouched = tmp_path / "n.xml", tmp_path / "m.xml"
    written = Written()
    written.wrote(new, lambda: write_derived(new, b"<annotation>the run's</annotation>"))
    written.created(untouched, lambda: write_derived(untouched, b"<annotation>m</annotation>") or True)
    write_derived(new, USERS_SAVE)
    assert written.take_back() == (1, [])
    assert written.changed == [new]
    assert new.read_bytes() == USERS_SAVE and not untouched.exists()


def test_a_same_size_rewrite_within_a_clock_tick_is_told_by_its_bytes(tmp_path):
    # A clock too coarse to tell the two writes apart: the same size, inode and modification time. The bytes do.
    theirs, written = _replaced(tmp_path)
    run = theirs.stat()
    theirs.write_bytes(b"<annotation>the usr's</annotation>")
    os.utime(theirs, ns=(run.st_atime_ns, run.st_mtime_ns))
    assert theirs.stat().st_size == run.st_size
    assert written.put_back_replaced() == (0, []) and written.changed == [theirs]


def test_one_unchanged_is_put_back_as_before(tmp_path):
    theirs, written = _replaced(tmp_path)
    os.utime(theirs)  # only looked at (a backup tool touching its times is no save: its bytes tell)
    assert written.put_back_replaced() == (1, []) and written.changed == []
    assert theirs.read_bytes() == b"<annotation/>"
