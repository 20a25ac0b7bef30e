"""A temporary's name whose process id does not fit the system's (20 digits: a name made by hand, a tag of
another system) made ``os.kill`` raise OverflowError, not the OSError housekeeping skips: the next bundle save,
``petloc train`` or demo preparation failed on it. Such a process cannot be proved ended: its file or folder
is kept, for the day-old sweep, and the write that ran the housekeeping goes on."""

from __future__ import annotations

import re

from petloc_gui.core.abandoned_folders import WRITER, remove_abandoned_folders, writer_tag
from petloc_gui.core.stale import process_has_ended, remove_left_by_ended_runs

TOO_LARGE = "9" * 20


def test_a_pid_too_large_for_the_system_is_not_an_ended_process():
    assert process_has_ended(int(TOO_LARGE)) is False


def test_a_folder_whose_writer_pid_is_too_large_is_kept(tmp_path):
    machine = writer_tag().rpartition("-")[0]
    folder = tmp_path / f".job-{machine}-{TOO_LARGE}-abcd1234"
    folder.mkdir()

    assert remove_abandoned_folders(tmp_path, re.compile(rf"\.job-{WRITER}-[a-z0-9_]{{8}}"), contents=None) == []
    assert folder.is_dir()


def test_a_pre_label_whose_pid_is_too_large_is_kept(tmp_path):
    left = tmp_path / f".0001.xml.{TOO_LARGE}.petloc-new"
    left.write_text("<annotation/>")

    assert remove_left_by_ended_runs(tmp_path) == []
    assert left.is_file()
