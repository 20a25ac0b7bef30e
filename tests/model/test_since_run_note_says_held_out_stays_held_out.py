"""The comparison's note on a validation image re-boxed after the run read it said "the next run trains on it": a
fine-tune keeps its parent's validation images in validation (model.splits), so a held-out image was said to
become a training image. It says the image stays held out and where the corrected box is scored."""

from __future__ import annotations

from petloc_gui.model.comparison_since_run import since_run_sentences


def test_a_re_boxed_compared_image_is_said_to_stay_held_out():
    (said,) = since_run_sentences(["train_00042_digit1.png"], [], run_boxes=True)
    assert "trains on it" not in said
    assert "held out" in said and "petloc evaluate --split validation" in said


def test_scored_on_what_is_saved_now_says_so():
    (said,) = since_run_sentences(["a.png", "b.png"], [], run_boxes=False)
    assert said.startswith("The annotation or the file of 2 of these images (a.png, b.png)")
