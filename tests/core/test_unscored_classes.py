"""The classes a model's figures say nothing of, and the sentence that names them (the retrain
comparison's and `petloc train`'s closing lines)."""

from __future__ import annotations

from petloc_gui.core.unscored_classes import classes_not_scored, classes_without_count, not_scored_sentence


def test_the_classes_no_image_is_of_in_their_order():
    assert classes_not_scored(["a", "b", "c", "d"], [{"b"}, {"b", "d"}]) == ["a", "c"]
    assert classes_not_scored(["a"], [{"a"}]) == []


def test_classes_of_count_zero_in_recorded_figures():
    metrics = {"n_images": 5, "class_names": ["circle", "square", "star"],
               "per_class": {"circle": {"count": 5}, "square": {"count": 0}, "star": {"count": 0}}}
    assert classes_without_count(metrics) == ["square", "star"]
    assert classes_without_count({**metrics, "n_images": 0}) == []  # no figures: nothing to say of classes
    assert classes_without_count({"n_images": 3, "accuracy": 1.0}) == []  # no per-class record


def test_the_sentence_names_new_classes_first_and_counts():
    assert not_scored_sentence([], 4, 3) == ""
    assert not_scored_sentence(["dog", "star"], 4, 5, new={"star"}, model="the new model") == (
        "No image of 2 of the 5 classes (star (new), dog) is among the 4 images these figures are on: they say "
        "nothing of how the new model does on them.")
    assert not_scored_sentence(["star"], 1, 3) == (
        "No image of the class star is among the 1 image these figures are on: they say nothing of how the "
        "model does on it.")
