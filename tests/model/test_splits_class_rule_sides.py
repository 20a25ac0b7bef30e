"""`model.splits`' class rule, as its docstring says it: a class with at least two images keeps one on each side,
"its lowest-key image moved to validation, or its highest-key image back to training, when the hash alone left a
side empty". Keys are given by hand (``keys``), so which image is highest or lowest is known without hashing."""

from __future__ import annotations

from petloc_gui.model.splits import validation_members

PATHS = ["a/1.jpg", "a/2.jpg", "a/3.jpg"]
LABELS = ["a", "a", "a"]


def test_a_class_wholly_in_validation_sends_its_highest_key_image_back_to_training():
    keys = {"a/1.jpg": 0.1, "a/2.jpg": 0.9, "a/3.jpg": 0.5}  # all below 0.95: the hash puts all three in validation
    assert validation_members(PATHS, LABELS, 0.95, keys=keys) == {"a/1.jpg", "a/3.jpg"}


def test_a_class_wholly_in_training_sends_its_lowest_key_image_to_validation():
    keys = {"a/1.jpg": 0.6, "a/2.jpg": 0.9, "a/3.jpg": 0.4}  # all at or above 0.2: all three train
    assert validation_members(PATHS, LABELS, 0.2, keys=keys) == {"a/3.jpg"}


def test_a_forced_highest_key_image_stays_and_the_next_highest_goes_back():
    keys = {"a/1.jpg": 0.1, "a/2.jpg": 0.9, "a/3.jpg": 0.5}
    chosen = validation_members(PATHS, LABELS, 0.95, forced=["a/2.jpg"], keys=keys)
    assert chosen == {"a/1.jpg", "a/2.jpg"}
