"""The status line and the line under the list begin with the same words (`image_set_watch.cannot_read`)."""

from __future__ import annotations

from petloc_gui.ui.review.image_set_watch import cannot_read, unreadable_text
from petloc_gui.ui.review.unreadable_notice import unreadable_line


def test_one_folder_many_and_how_each_is_named():
    one = [("/data/pets/day", "Permission denied")]
    three = [*one, ("/data/pets/night", "x"), ("/data/pets/dusk", "y")]
    assert cannot_read(one) == "Cannot read the folder /data/pets/day: Permission denied"
    assert cannot_read(three) == "Cannot read the folder /data/pets/day (and 2 more folders): Permission denied"
    assert cannot_read(three, str.upper).startswith("Cannot read the folder /DATA/PETS/DAY (and 2 more")
    assert unreadable_text(three).startswith(cannot_read(three) + ". The list and any unsaved edits are kept")
    assert unreadable_line(three, "/data/pets") == (
        "Cannot read the folder pets/day (and 2 more folders): Permission denied; looked at again every few seconds")
