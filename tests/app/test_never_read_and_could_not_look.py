"""`annotation_look.never_read` (a document whose read failed shows no version of its file) and `could_not_look`
(of those, one read with no state of its file recorded), the one built on the other: an image sharing another's
file is neither, being not read on purpose; a failed read that recorded the file's state is never read only."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from petloc_gui.app.annotation_look import could_not_look, never_read

STATE = object()  # a file's recorded state (`core.disk_state.DiskState`), as these rules read it: there or not


@pytest.mark.parametrize(("load_error", "disk_state", "shared_with", "is_never_read", "is_could_not_look"), [
    (None, STATE, None, False, False),  # read
    (None, None, None, False, False),  # read, its state not recorded
    ("cannot check the annotation file: Permission denied", None, None, True, True),
    ("not an annotation", STATE, None, True, False),  # read and refused: its state is known
    ("cannot check the annotation file: Permission denied", None, Path("a.jpg"), False, False),
    ("not an annotation", STATE, Path("a.jpg"), False, False),
])
def test_which_documents_show_no_version_of_their_file(load_error, disk_state, shared_with, is_never_read,
                                                       is_could_not_look):
    doc = SimpleNamespace(load_error=load_error, disk_state=disk_state, shared_with=shared_with)
    assert never_read(doc) is is_never_read
    assert could_not_look(doc) is is_could_not_look
