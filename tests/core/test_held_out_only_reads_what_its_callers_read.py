"""`held_out_only` takes what `petloc train` (`cli.train_checks`) and the Retrain dialog
(`ui.training.retrain_holdout_preview`) read: every label on a box of the images the run reads, and the label of
each trained image's first box. It works out itself which labels are only on images the run reads and leaves out
(the unreviewed pre-labels) and which are the first box only of images it cannot use: each caller worked them out on
its own, and the two could drift apart."""

from __future__ import annotations

from petloc_gui.core.held_out_classes import HeldOutOnly, SpelledAs, held_out_only


def test_what_is_left_out_and_what_cannot_be_used_are_worked_out_from_what_was_read():
    said = held_out_only({"owl", "emu", "bat", "Bat"}, {"cat", "bat"}, {"cat"}, read={"cat", "bat", "owl"},
                         firsts={"cat", "bat"})
    # owl is on an image read and left out; bat is the first box of an image the run cannot use only, so "Bat" is
    # that class typed another way, one the run does not learn
    assert said == HeldOutOnly(("Bat", "emu", "owl"), frozenset({"owl"}),
                               {"Bat": SpelledAs("bat", learned=False, unusable=True)}, {}, ("bat",))


def test_nothing_read_beyond_the_trained_boxes_is_nothing_left_out():
    said = held_out_only({"owl", "cat"}, {"cat"}, {"cat"}, read={"cat"}, firsts={"cat"})
    assert said == HeldOutOnly(("owl",))
    assert said.lines(str) == ["class owl is boxed only on test images (held out): the new model will not know it; "
                               "box it on images the run trains on to train it"]


def test_a_known_class_is_never_unusable_only():
    said = held_out_only({"owl"}, {"owl"}, set(), ["owl"], read={"owl"}, firsts={"owl"})
    assert said == HeldOutOnly()
