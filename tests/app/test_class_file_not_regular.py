"""A predefined_classes.txt that is a named pipe, a link to /dev/zero or a file of a gigabyte: read with
``read_bytes()``, the pipe made `petloc stats` and the window (opening the folder, on its own thread) wait for
ever, the 1 GB file took a minute and 7.8 GB of memory, and /dev/zero grew until memory ran out. Now it is read
only when it is a regular file of at most `MAX_CLASS_FILE_BYTES`; one refused offers no class, is said once,
and is never replaced by a change of the list (its classes are in it)."""

from __future__ import annotations

import os
import stat

import pytest

from petloc_gui.app.class_list import (
    CLASSES_FILE,
    MAX_CLASS_FILE_BYTES,
    ClassNames,
    change_classes,
    classes_on_disk,
    classes_path,
    read_classes,
)
from petloc_gui.core.errors import SaveError

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]  # a wait on a pipe fails the test rather than the whole run


def _added(names: list[str]) -> list[str]:
    return [*names, "rabbit"]


def test_a_named_pipe_is_not_waited_on_and_offers_no_class_said_why(tmp_path):
    os.mkfifo(classes_path(tmp_path))
    with pytest.raises(SaveError) as refused:
        classes_on_disk(tmp_path)
    assert str(refused.value) == (
        f"{classes_path(tmp_path)}: it is not a regular file (a named pipe), so it is not replaced (its classes are "
        "in it); put a text file of one class a line in its place and try again")
    read = read_classes(tmp_path)
    assert read == [] and isinstance(read, ClassNames)
    assert read.notes == (f"{CLASSES_FILE} is not a regular file (a named pipe): none of its classes are offered, "
                          "and it is not changed",)


def test_a_link_to_a_device_is_refused(tmp_path):
    # /dev/null: a device as /dev/zero is, which read whole grew until memory ran out; this one, read, ends at once
    # (read so, it offered no class with no word said), so the test fails without taking the machine's memory
    classes_path(tmp_path).symlink_to(os.devnull)
    assert read_classes(tmp_path).notes == (f"{CLASSES_FILE} is not a regular file (a device): none of its classes "
                                            "are offered, and it is not changed",)


def test_a_file_past_the_cap_is_refused_before_it_is_read(tmp_path):
    with open(classes_path(tmp_path), "wb") as handle:
        handle.truncate(1 << 30)  # sparse: 1 GB of NUL bytes, none written
    assert read_classes(tmp_path).notes == (f"{CLASSES_FILE} is too large (1,024 MB; at most 64 MB is read): none "
                                            "of its classes are offered, and it is not changed",)
    assert MAX_CLASS_FILE_BYTES == 64 << 20


def test_a_file_of_five_thousand_long_classes_is_within_the_cap(tmp_path):
    names = [f"{index:05d}_{'x' * 294}" for index in range(5_000)]  # 300 characters each: 1.5 MB
    classes_path(tmp_path).write_text("".join(f"{name}\n" for name in names), encoding="utf-8")
    assert read_classes(tmp_path) == names


def test_a_change_of_the_list_never_replaces_a_file_it_refused(tmp_path):
    pipe = classes_path(tmp_path)
    os.mkfifo(pipe)
    with pytest.raises(SaveError, match="not a regular file"):
        change_classes(tmp_path, _added)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # not written over by a list of "rabbit" alone
    pipe.unlink()
    with open(pipe, "wb") as handle:
        handle.truncate(MAX_CLASS_FILE_BYTES + 1)
    with pytest.raises(SaveError, match="too large"):
        change_classes(tmp_path, _added)
    assert pipe.stat().st_size == MAX_CLASS_FILE_BYTES + 1
