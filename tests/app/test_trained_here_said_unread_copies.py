"""Where the window's check stopped at its read budget before it could tell whether copies of the held-out images
are here (a record without their sizes), what it found of them is a lower bound, said so: "not this one" read as
known (`app.trained_here_said._unread_copies`)."""

from __future__ import annotations

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.model.trained_here import TrainedHere


def test_some_found_says_at_least_and_how_many_were_checked():
    (where,) = cautions(TrainedHere(20003, 0, training_folder="data", measured=20, measured_found=3,
                                    measured_unchecked=18003))
    assert (where.long, where.short) == ('measured on its training folder "data": at least 3 of the 20 validation '
                                         "images are here (checked 2000 of 20003 images; the rest were not checked)",
                                         "3+/20 of them here")


def test_none_found_is_not_said_to_be_none_here():
    (where,) = cautions(TrainedHere(20003, 0, training_folder="data", measured=1, measured_unchecked=18003))
    assert where.long == ('measured on its training folder "data": the validation image is not among the 2000 of '
                          "this folder's 20003 images checked; the rest were not checked")
    (where,) = cautions(TrainedHere(20003, 0, training_folder="data", measured=48, measured_unchecked=18003), "test")
    assert (where.long, where.short) == ('measured on test images held out of its training folder "data": none of '
                                         "the 48 test images is among the 2000 of this folder's 20003 images "
                                         "checked; the rest were not checked", "0/48 of them in 2000 checked")


def test_a_whole_check_says_as_before():
    (where,) = cautions(TrainedHere(30, 0, training_folder="data", measured=48))
    assert where.long == 'measured on its training folder "data", not this one'
