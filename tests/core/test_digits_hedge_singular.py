"""The sentence that hedges figures on canvases of learned MNIST digits (`core.digits_record.digits_hedge`,
shared by the retrain comparison, `petloc train`'s closing lines and `petloc evaluate`) says one image in the
singular. Before, it always said "on them": "the one image these figures are on holds an MNIST digit ... so
these figures on them are optimistic"."""

from __future__ import annotations

from petloc_gui.core.digits_record import digits_hedge

LEARNED: dict[str, frozenset[int] | None] = {"test": frozenset({3})}


def test_one_image_is_said_in_the_singular():
    assert digits_hedge("the one image these figures are on", ["test"], "the new model", "these figures",
                        LEARNED) == ("the one image these figures are on holds an MNIST digit that the new model "
                                     "learned on other canvases (the digits of petloc digits --split test), so these "
                                     "figures on it are optimistic")


def test_several_images_in_the_plural():
    assert digits_hedge("2 of them", ["test", "test"], "the current model", "both models' figures", LEARNED) == (
        "2 of them hold MNIST digits that the current model learned on other canvases (the digits of petloc digits "
        "--split test), so both models' figures on them are optimistic")
