"""The learned-digits hedge says "on other canvases" only of other canvases. `petloc digits --split train --seed 0`
remakes the bundled digits model's own canvases byte for byte; a fine-tune from it on them is validated on the very
images that chose its parent's epoch, and the hedge said "... learned, or chose its epoch with, on other canvases"."""

from __future__ import annotations

from petloc_gui.core.digits_record import WHOLE_SPLIT, digits_hedge, recorded_canvases, same_canvases

BUNDLED: dict[str, frozenset[int] | None] = {"train": WHOLE_SPLIT}
PARENT = "the model it was fine-tuned from"


def _meta(*sha256s: str) -> dict:
    images = {f"train_{i:05d}_digit0.png": {"sha256": sha256, "size": 343} for i, sha256 in enumerate(sha256s)}
    return {"images": images}


def test_the_parents_own_canvases_are_counted_by_their_bytes():
    parent, grandparent = _meta("a", "b"), _meta("c")
    assert same_canvases(["a", "b", "c", "d", None], recorded_canvases(parent, grandparent)) == 3
    assert same_canvases(["a"], recorded_canvases({"images": "damaged"}, None, {"images": {"x": {"sha256": 5}}})) == 0
    assert same_canvases(["a", "a", None, "e"], {"a", "e"}) == 3  # each image counted, a copy too


def test_all_of_them_its_very_canvases():
    assert digits_hedge("108 of these 108 images", ["train"] * 108, PARENT, "these figures", BUNDLED, same=108) == (
        "108 of these 108 images hold MNIST digits that the model it was fine-tuned from learned, or chose its epoch "
        "with, on these very canvases (the digits of petloc digits --split train), so these figures on them are "
        "optimistic")
    one = digits_hedge("the one image these figures are on", ["train"], PARENT, "these figures", BUNDLED, same=1)
    assert "chose its epoch with, on this very canvas (the digits" in one


def test_some_of_them_and_none_of_them():
    some = digits_hedge("5 of them", ["train"] * 5, PARENT, "these figures", BUNDLED, same=2)
    assert "chose its epoch with, on 2 of these very canvases and on other canvases (the digits" in some
    other = digits_hedge("5 of them", ["train"] * 5, PARENT, "these figures", BUNDLED)
    assert "chose its epoch with, on other canvases (the digits" in other
