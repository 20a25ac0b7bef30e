"""Model → Versions says of the model in use that images its figures were measured on have no annotation in the
open folder, as the window's model label and `petloc models` say it, whether or not any was re-boxed. The entry
added the window's cautions only when some image was re-boxed, so "no annotation here" showed only beside a
re-box: a folder of copies of the validation photos without their XML had the label say so and the menu nothing."""

from __future__ import annotations

from petloc_gui.model.trained_here import TrainedHere
from tests.ui.retraining.test_versions_menu_says_reboxed import _entries, _stored

UNANNOTATED = ("2 of the 20 validation images they were measured on have no annotation here: the figures cannot be "
               "re-scored on them here")


def test_images_with_no_annotation_here_are_said_without_a_re_box(qtbot, window, controller):
    used = _stored(controller.store, "in-use")
    _stored(controller.store, "other")
    window.spec = str(used)
    window.trained_here.found = TrainedHere(7, count=0, measured_here=20, reboxed=0, measured_unannotated=2)
    entries = _entries(controller)
    text, tip = entries["in-use"]
    assert "2 unannotated here" in text and UNANNOTATED in tip
    assert "re-boxed" not in text + tip
    assert "unannotated" not in "".join(entries["other"]) + "".join(entries["bundled:digits"])


def test_with_a_re_box_both_are_said(qtbot, window, controller):
    used = _stored(controller.store, "in-use")
    window.spec = str(used)
    window.trained_here.found = TrainedHere(7, count=0, measured_here=20, reboxed=1, measured_unannotated=2)
    text, tip = _entries(controller)["in-use"]
    assert "1 re-boxed since" in text and "2 unannotated here" in text and UNANNOTATED in tip


def test_a_bundled_model_in_use_says_it_too(qtbot, window, controller):
    window.spec = "digits"
    window.trained_here.found = TrainedHere(7, count=0, measured_here=3, reboxed=0, measured_unannotated=3)
    text, tip = _entries(controller)["bundled:digits"]
    assert "3 unannotated here" in text
    assert "all 3 test images they were measured on have no annotation here" in tip
    assert "unannotated" not in "".join(_entries(controller)["bundled:pets"])


def test_a_check_still_reading_says_nothing(qtbot, window, controller):
    window.spec = str(_stored(controller.store, "in-use"))
    window.trained_here.found = TrainedHere(7, pending=True, measured_here=20, measured_unannotated=2)
    assert "unannotated" not in "".join(_entries(controller)["in-use"])
