"""exclusive_lock: one holder at a time; a waiter gives up with a message naming the lock file."""

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.file_lock import exclusive_lock


def test_a_held_lock_makes_the_next_taker_wait_then_say_so(tmp_path):
    lock = tmp_path / "memory.json.lock"
    with (exclusive_lock(lock), pytest.raises(SaveError, match="another petloc has held this lock") as caught,
          exclusive_lock(lock, wait=0.2)):
        pass
    assert caught.value.path == lock
    with exclusive_lock(lock, wait=0.2):  # released when the holder's block ends
        pass
    assert lock.exists()  # never removed: a second holder must lock the same file


def test_a_lock_file_that_cannot_be_made_is_said(tmp_path):
    with pytest.raises(SaveError, match="cannot create the lock file"), exclusive_lock(tmp_path / "no" / "x.lock"):
        pass
