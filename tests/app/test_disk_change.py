"""`app.disk_change` names what another program did to a file open here: changed, deleted or created."""

from __future__ import annotations

from petloc_gui.app.disk_change import CHANGED, CREATED, DELETED, change_kind, change_words
from petloc_gui.core.disk_state import MISSING, DiskState

THERE = DiskState(True, 1, 10, "aa")
REWRITTEN = DiskState(True, 2, 12, "bb")


def test_each_case_is_named():
    assert change_kind(THERE, REWRITTEN) == CHANGED
    assert change_kind(THERE, MISSING) == DELETED
    assert change_kind(MISSING, THERE) == CREATED
    assert change_words(THERE, MISSING) == "deleted by another program"
    assert change_words(MISSING, THERE) == "created by another program (there was none when you opened it)"
    assert change_words(THERE, REWRITTEN) == "changed on disk by another program"


def test_a_state_unknown_is_a_change():
    assert change_kind(None, MISSING) == CHANGED and change_kind(THERE, None) == CHANGED
