"""`Written.wrote`: a file a YOLO or COCO export or a conversion to VOC writes is the run's (to take back on a
failure) only when nothing was there before; one replaced (an earlier export's, the user's with --overwrite)
never is, nor one a write that failed did not make."""

from __future__ import annotations

import pytest

from petloc_gui.core.interop.written import Written


def test_a_new_file_written_is_the_runs_and_one_replaced_is_not(tmp_path):
    written = Written()
    new, replaced = tmp_path / "new.txt", tmp_path / "replaced.txt"
    replaced.write_bytes(b"an earlier export's")
    written.wrote(new, lambda: new.write_bytes(b"the run's"))
    written.wrote(replaced, lambda: replaced.write_bytes(b"the run's"))
    assert written.files == [new]
    assert replaced.read_bytes() == b"the run's"


def test_a_dangling_link_replaced_is_not_the_runs(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere")
    written = Written()
    written.wrote(link, lambda: link.write_bytes(b"the run's"))  # through the link: it made "nowhere"
    assert written.files == []


def test_a_write_that_fails_records_nothing_and_says_why(tmp_path):
    target = tmp_path / "a.txt"
    written = Written()

    def fail() -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        written.wrote(target, fail)
    assert written.files == []
