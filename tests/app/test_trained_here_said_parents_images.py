"""The Dataset panel's count of this folder's training images names whose they are: the check counts the images any
model of the model's line trained on (a fine-tune's parent's too), and "30 of this folder's 300 images are its training
images" named the fine-tune's own, of a folder holding only the bundled parent's (the status message said it truly)."""

from __future__ import annotations

from petloc_gui.app.trained_here_said import cautions, status_message
from petloc_gui.model.trained_here import TrainedHere


def test_the_count_says_training_images_of_it_or_of_a_model_it_was_fine_tuned_from():
    found = TrainedHere(300, 30, by_content=30)
    (trained,) = cautions(found)
    assert (trained.long, trained.short) == ("30 of this folder's 300 images are training images of it or of a model "
                                             "it was fine-tuned from", "30/300 trained on")
    assert "training images of digits d1 or of a model it was fine-tuned from" in status_message(found, "digits d1")


def test_one_image_and_a_lower_bound_say_it_too():
    (one,) = cautions(TrainedHere(10, 1, by_path=1, complete=False))
    assert one.long == "at least 1 of this folder's 10 images is a training image of it or of a model it was " \
                       "fine-tuned from"
    (some,) = cautions(TrainedHere(20000, 4, by_content=4, complete=False, unchecked=18000))
    assert some.long == ("at least 4 of this folder's 20000 images are training images of it or of a model it was "
                         "fine-tuned from (checked 2000 of 20000 images)")
