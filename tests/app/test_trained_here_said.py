"""The window's words for a model that trained on images of the open folder (`app.trained_here_said`)."""

from __future__ import annotations

from petloc_gui.app.trained_here_said import cautions, status_message
from petloc_gui.model.trained_here import TrainedHere


def test_none_trained_on_and_the_same_folder_say_nothing():
    found = TrainedHere(42, 0)
    assert cautions(found) == () and status_message(found, "pets") == ""


def test_a_count_with_its_short_form_and_the_folder_it_was_measured_on():
    found = TrainedHere(42, 33, by_content=33, training_folder="cvat")
    (where, trained) = cautions(found)
    assert (where.long, where.short) == ('measured on its training folder "cvat", not this one', 'in "cvat"')
    assert (trained.long, trained.short) == ("33 of this folder's 42 images are training images of it or of a model "
                                             "it was fine-tuned from", "33/42 trained on")
    assert status_message(found, "pets-1").startswith("33 of this folder's 42 images are training images of "
                                                       "pets-1 or of a model it was fine-tuned from (33 by "
                                                       "identical bytes): ")


def test_an_incomplete_record_gives_a_lower_bound():
    found = TrainedHere(10, 1, by_path=1, complete=False)
    (trained,) = cautions(found)
    assert trained.long == ("at least 1 of this folder's 10 images is a training image of it or of a model it was "
                            "fine-tuned from")
    assert status_message(found, "m").startswith("At least 1 of this folder's 10 images is a training image of m "
                                                 "or of a model it was fine-tuned from (1 by recorded path)")


def test_a_re_boxed_held_out_image_names_petloc_evaluate():
    (one,) = cautions(TrainedHere(5, 0, measured_here=1, reboxed=1))
    assert one.long == ("the validation image they were measured on was re-boxed since: petloc evaluate --split "
                        "validation re-scores it")
    assert one.short == "1 re-boxed since"
    (some,) = cautions(TrainedHere(50, 0, measured_here=20, reboxed=2), split="selection-set")
    assert some.long == ("2 of the 20 selection-set images they were measured on were re-boxed since: petloc "
                         "evaluate --split validation re-scores them")  # several images: "them", never "it"
    (test,) = cautions(TrainedHere(50, 0, measured_here=3, reboxed=3), split="test")
    assert test.long == ("all 3 test images they were measured on were re-boxed since: petloc evaluate --split test "
                         "re-scores them")


def test_held_out_images_without_an_annotation_here_are_said_apart():
    (one,) = cautions(TrainedHere(5, 0, measured_here=1, measured_unannotated=1))
    assert (one.long, one.short) == ("the validation image they were measured on has no annotation here: the "
                                     "figures cannot be re-scored on it here", "1 unannotated here")
    reboxed, some = cautions(TrainedHere(50, 0, measured_here=20, reboxed=1, measured_unannotated=2), "test")
    assert reboxed.long.startswith("1 of the 20 test images they were measured on was re-boxed since")
    assert some.long == ("2 of the 20 test images they were measured on have no annotation here: the figures "
                         "cannot be re-scored on them here")


def test_a_check_stopped_at_its_read_budget_says_how_many_it_checked():
    found = TrainedHere(20000, 4, by_content=4, complete=False, unchecked=18000)
    (trained,) = cautions(found)
    assert trained.long == ("at least 4 of this folder's 20000 images are training images of it or of a model it "
                            "was fine-tuned from (checked 2000 of 20000 images)")
    assert "(4 by identical bytes; checked 2000 of 20000 images)" in status_message(found, "m")


def test_figures_measured_on_images_partly_here_say_how_many():
    some = TrainedHere(30, 0, training_folder="data", measured=48, measured_found=40)
    (where,) = cautions(some, "test")
    assert (where.long, where.short) == ('measured on test images held out of its training folder "data": 40 of the '
                                         "48 test images are here", "40/48 of them here")
    (one,) = cautions(TrainedHere(30, 0, training_folder="data", measured=20, measured_found=1))
    assert one.long == 'measured on its training folder "data": 1 of the 20 validation images is here'
    (none,) = cautions(TrainedHere(30, 0, training_folder="data", measured=20, measured_found=0))
    assert none.long == 'measured on its training folder "data", not this one'
