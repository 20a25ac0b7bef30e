"""A write that made its file, then raised (a stop landing after the rename, an error after it): the file was not
recorded as the run's, so a take-back left it beside the user's files. `Written.wrote` and `Written.created` now
record a file that was not there before the write and is there after it, then raise (`created`: only the one the
write said it named, `written.naming`); one that was there, or that the write did not make, is still never the run's."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop.files import write_derived
from petloc_gui.core.interop.written import Written, naming


def test_a_new_file_whose_write_raised_after_making_it_is_taken_back(tmp_path):
    mine, new = tmp_path / "mine.txt", tmp_path / "new.txt"
    mine.write_bytes(b"my own")

    def made_then_failed():
        write_derived(new, b"the run's")
        raise SaveError("cannot save: Input/output error", new)

    written = Written()
    with pytest.raises(SaveError):
        written.wrote(new, made_then_failed)
    assert written.take_back() == (1, [])
    assert not new.exists() and mine.read_bytes() == b"my own"


def test_a_new_file_made_exclusively_then_stopped_is_taken_back(tmp_path):
    new = tmp_path / "new.xml"

    def made_then_stopped() -> bool:
        staging = tmp_path / ".new.xml.staging"
        staging.write_bytes(b"<annotation/>")
        naming(new, staging)  # as `files.link_exclusive` says the file it names, before its link
        os.link(staging, new)
        staging.unlink()
        raise KeyboardInterrupt

    written = Written()
    with pytest.raises(KeyboardInterrupt):
        written.created(new, made_then_stopped)
    assert written.take_back() == (1, []) and not new.exists()


def test_an_exclusive_write_is_the_runs_only_when_it_made_the_file(tmp_path):
    theirs, new = tmp_path / "theirs.xml", tmp_path / "new.xml"
    theirs.write_bytes(b"<annotation/>")
    written = Written()
    assert written.created(theirs, lambda: False) is False  # there already: left untouched, not the run's
    assert written.created(new, lambda: new.write_bytes(b"<annotation/>") > 0) is True
    assert written.files == [new]


def test_a_file_there_before_a_failing_exclusive_write_is_not_the_runs(tmp_path):
    theirs = tmp_path / "theirs.xml"
    theirs.write_bytes(b"<annotation/>")

    def failed() -> bool:
        raise SaveError("cannot write: Input/output error", theirs)

    written = Written()
    with pytest.raises(SaveError):
        written.created(theirs, failed)
    assert written.take_back() == (0, []) and theirs.read_bytes() == b"<annotation/>"
