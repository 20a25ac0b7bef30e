"""app.stage_figures_images: whether a two-stage bundle's first-stage figures and its whole model's are on the
same images, from what meta.json records; `petloc export` said "measured on other images" of a fine-tune's two
records on the very same three report images."""

from __future__ import annotations

import pytest

from petloc_gui.app import stage_figures_images as stage
from petloc_gui.app.stage_figures_images import SameImages, same_images

REPORT = ["a.jpg", "b.jpg", "c.jpg"]
SELECTION = ["d.jpg", "e.jpg"]
FIRST_SPLIT = "validation (report part: did not choose the epoch)"
CARRIED_ALL_CHOSE = ("selection set (first stage + refiner: these images chose the refiner's epoch and variant, "
                     "on the model it was fine-tuned from)")


def meta(whole_split, n_whole=3, n_first=3, first_split=FIRST_SPLIT, choosers=None, **extra):
    """A two-stage meta.json: the first stage on the report part, the whole model as ``whole_split`` says."""
    return {"validation_parts": {"report": REPORT, "selection": SELECTION},
            "validation_split": {"images": REPORT + SELECTION},
            "refine": {"model_file": "refine.keras",
                       **({"selection": {"images": choosers}} if choosers is not None else {})},
            "first_stage_validation_metrics": {"mean_iou": 0.7, "n_images": n_first, "split": first_split},
            "metrics": {"mean_iou": 0.8, "n_images": n_whole, "split": whole_split}, **extra}


def test_a_fine_tune_whose_images_all_chose_the_carried_refiner_is_on_the_same_images():
    assert same_images(meta(CARRIED_ALL_CHOSE, choosers=[*REPORT, "x.jpg"])) == SameImages(True, 3)


def test_a_fine_tune_whose_images_none_chose_the_carried_refiner_is_on_the_same_images():
    assert same_images(meta(f"{FIRST_SPLIT} (first stage + refiner)", choosers=["x.jpg"])) == SameImages(True, 3)


def test_a_fine_tune_that_left_out_the_images_that_chose_the_refiner_is_on_other_images():
    split = f"{FIRST_SPLIT} (first stage + refiner; 1 that chose the refiner's epoch and variant left out)"
    assert same_images(meta(split, n_whole=2, choosers=["a.jpg"])) == SameImages(False)


def test_the_two_stage_trainers_report_figures_are_on_the_first_stages_report_part():
    split = "validation (report part: chose neither stage's epoch; first stage + refiner, cascade_flip)"
    assert same_images(meta(split, choosers=SELECTION)) == SameImages(True, 3)
    chose_on_selection = "selection set (first stage + refiner, cascade: these photos chose the refiner's epoch"
    assert same_images(meta(chose_on_selection, choosers=[*SELECTION, "f.jpg"])) == SameImages(False)


def test_test_figures_beside_validation_figures_are_on_other_images():
    # the bundled pets model: 20 validation photos against 48 test photos (and never the same, whatever the counts)
    assert same_images(meta("pets test holdout: 48 boxed photos", n_whole=3)) == SameImages(False)


@pytest.mark.parametrize("whole_split", ["validation", "something a later petloc writes", ""])
def test_a_split_it_does_not_know_tells_nothing(whole_split):
    assert same_images(meta(whole_split, choosers=SELECTION)) is None


def test_figures_left_short_of_their_list_tell_nothing():
    # one of the three report images unreadable in both: which one is not recorded
    assert same_images(meta(CARRIED_ALL_CHOSE, n_whole=2, n_first=2, choosers=REPORT)) is None


def test_without_the_lists_or_the_counts_it_tells_nothing():
    bare = meta(CARRIED_ALL_CHOSE, choosers=REPORT)
    del bare["validation_parts"]
    assert same_images(bare) is None
    assert same_images(meta(CARRIED_ALL_CHOSE, n_whole=None, choosers=REPORT)) is None
    assert same_images({"metrics": {"n_images": 3}}) is None


def test_the_splits_it_reads_are_those_the_model_layer_writes():
    pytest.importorskip("tensorflow")
    from petloc_gui.model.refine_training import CASCADE_REPORT_SPLIT
    from petloc_gui.model.training_inputs import REPORT_SPLIT, SELECTION_ONLY

    assert REPORT_SPLIT.startswith(stage.FIRST_ON_REPORT) and SELECTION_ONLY.startswith(stage.FIRST_ON_SELECTION)
    assert CASCADE_REPORT_SPLIT.startswith(stage.CASCADE_ON_REPORT)
