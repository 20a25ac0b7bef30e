"""The retrain comparison on images whose classes the current model lacks (hunt: the digits model fine-tuned
on a folder of 120 other classes). The best-gt rule scores the current model's boxes there IoU 0 however well
they fit, and the verdict read that as "its box fits better on 32 … it lifts 32 to IoU ≥ 0.5" for the new
model: a class change credited as better boxes. Image by image, boxes are compared class-blind now (every
image's since D1: `tests/model/test_comparison_class_fixed_boxes_worse.py`), the record counts those the
table scores below their fit, and the note says the table's IoU figures are zeroed there too."""

from __future__ import annotations

import re

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.model import comparison
from petloc_gui.model.class_renames import unknown_class_hedge
from petloc_gui.model.comparison_class_blind import image_result, paired_class_blind

BOX = (40, 30, 68, 58)


def test_a_right_box_of_an_unknown_class_keeps_its_class_blind_iou():
    assert image_result([("big_majority_class", BOX)], "9", BOX) == [False, 0.0, 1.0]
    assert image_result([("cat", BOX), ("dog", (0, 0, 10, 10))], "dog", BOX) == [True, 0.0, 1.0]


def test_the_paired_record_compares_those_boxes_class_blind():
    images = [f"{i}.png" for i in range(32)]
    old = {image: [False, 0.0, 1.0] for image in images}  # right boxes, a class it has not
    new = {image: [True, 0.7, 0.7] for image in images}  # the class right, a looser box
    paired = paired_class_blind(old, new, images)
    assert paired["table_iou_lower"] == {"old": 32, "new": 0}  # the table's IoU 0 for the class alone
    assert paired["iou"]["lower"] == 32 and paired["iou"]["higher"] == 0  # before: higher on 32
    assert paired["iou_ge_50"]["gained"] == 0 and paired["class"]["new_only"] == 32


def test_the_hedge_says_the_box_figures_are_zeroed_too():
    hedge = unknown_class_hedge([str(d) for d in range(10)], {}, [["big_majority_class"]] * 32)
    assert hedge == ("The current model cannot know big_majority_class: it has no such class, so the 32 "
                     "big_majority_class images count as wrong for it, and its boxes on them score IoU 0, however "
                     "well they fit (the accuracy, mean IoU and IoU ≥ 0.5 are tilted in the new model's favour).")


def test_the_digits_model_on_a_class_it_lacks_is_compared_class_blind(tmp_path, constant_bundle):
    # the digits folder relabelled "dog": the digits model's boxes fit, its class cannot; the new model always
    # says "dog" with one fixed box
    folder = tmp_path / "dogs"
    images = write_digits_dataset(folder, "test", count=MIN_IMAGES + 2, seed=1)
    for xml in folder.glob("*.xml"):
        xml.write_text(re.sub(r"<name>\d</name>", "<name>dog</name>", xml.read_text("utf-8")), "utf-8")
    relpaths = sorted(p.name for p in images)
    result = comparison.compare_models(folder, "default", constant_bundle, relpaths, old_model="digits",
                                       fine_tuned=False)
    assert result["old"]["mean_iou"] == 0.0  # the table's figure: best-gt, as petloc evaluate's
    paired = result["paired"]
    assert paired["table_iou_lower"]["old"] == paired["n_images"] == len(relpaths)
    assert paired["class"]["new_only"] == len(relpaths)
    # the digits model's boxes fit far better than one fixed box: compared class-blind, the new one's are worse
    assert paired["iou"]["lower"] > paired["iou"]["higher"] and paired["iou_ge_50"]["lost"] > 0
    assert "its boxes on them score IoU 0, however well they fit" in result["note"]
