"""The Retrain dialog said of one image "1 annotated image is the current model's test images: fine-tuning never
trains on them": one image is one of them, and fine-tuning never trains on it. Two or more read as before."""

from __future__ import annotations

import pytest

from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_summary import held_out_summary


@pytest.mark.parametrize(("count", "said"), [
    (1, " 1 annotated image is one of the current model's test images: fine-tuning never trains on it, so its test "
        "figures stay honest."),
    (3, " 3 annotated images are the current model's test images: fine-tuning never trains on them, so its test "
        "figures stay honest.")])
def test_the_current_models_test_images_are_counted_in_the_number_they_take(count, said):
    text = held_out_summary(Holdout(2, ["a.png", "b.png"], parent_test=count), True, first_model=False)
    assert text.endswith(said), text


def test_no_test_image_of_the_current_model_is_not_said():
    assert "test images" not in held_out_summary(Holdout(2, ["a.png", "b.png"]), True, first_model=False)
