"""The Retrain dialog says in plain words which images validate the run and that this set can change as the
folder grows. It said "so in a class the hash left on one side the image moved across may change as it grows",
which readers could not parse."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_summary import held_out_summary

SAID = ("2 images are held out for validation (each image's side is chosen from its path, so adding images leaves "
        "the others where they are; only a class whose images all fell on one side has one of them moved across, so "
        "that it is both trained and validated, and which image that is can change as the class grows")


@pytest.mark.parametrize(("fine_tune", "then"), [
    (False, "). Part of them"),
    (True, "; an image the current model trained on never validates its fine-tune). Part of them")])
def test_the_summary_says_how_validation_images_are_chosen_in_plain_words(fine_tune, then):
    text = held_out_summary(Holdout(2, ["a.png", "b.png"]), fine_tune, first_model=False)
    assert text.startswith(SAID + then), text
    assert "hash" not in text
