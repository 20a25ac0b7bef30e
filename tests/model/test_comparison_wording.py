"""The comparison's note counts as people write ("the same 1 validation images" was shown after a run
on a small folder)."""

from __future__ import annotations

from petloc_gui.model.comparison import _describe


def test_one_validation_image_is_singular():
    assert "the same 1 validation image, and neither trained on it " in _describe("digits", "its splits", 1, set(),
                                                                                 1, False)[1]
    assert "scored on 1 validation image it did not" in _describe(None, "", 1, None, 1, False)[1]
    assert "trained on it cannot be said" in _describe("digits", "no record", 1, None, 1, False)[1]
    assert _describe("digits", "s", 1, {"a.png"}, 0, False)[1].startswith("The validation image was in")
    assert "the other 1 was in" in _describe("digits", "s", 3, {"a.png"}, 2, False)[1]


def test_several_stay_plural():
    assert "the same 4 validation images, and neither trained on any of them" in _describe("d", "s", 4, set(), 4,
                                                                                           False)[1]
    assert _describe("digits", "s", 2, {"a", "b"}, 0, False)[1].startswith("All 2 validation images were in")
