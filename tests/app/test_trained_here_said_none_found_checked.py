"""None found where the check stopped at its read budget: its long and short forms count the images checked by one
rule (`app.trained_here_said._checked_count`), so "checked 2000 of 20003" and "0/2000" cannot disagree."""

from __future__ import annotations

from petloc_gui.app.trained_here_said import cautions, status_message
from petloc_gui.model.trained_here import TrainedHere


def test_none_found_in_part_says_how_many_were_checked_in_both_forms():
    found = TrainedHere(20003, 0, complete=False, unchecked=18003)
    (none,) = cautions(found)
    assert (none.long, none.short) == ("checked 2000 of 20003 images: none of them is a training image; the rest "
                                       "were not checked", "0/2000 checked trained on")
    assert status_message(found, "m").startswith("Checked 2000 of 20003 images: none of them is a training image of m")
