"""`core.epoch_choice` on the two refine records that name no photo: ``refine.selection.images`` recorded as an
empty list (the second stage chose on none of the validation photos: the report part stays a report part), and an
empty ``refine`` (no second stage at all). Neither is "nothing recorded", which falls back to every validation
photo."""

from __future__ import annotations

from petloc_gui.core.epoch_choice import REFINER_SELECTION_PART, refiner_choosers, validation_parts

VALIDATION = ["a.jpg", "b.jpg", "c.jpg", "d.jpg"]


def _meta(**extra):
    return {"validation_split": {"images": list(VALIDATION)},
            "validation_parts": {"report": ["c.jpg", "d.jpg"], "selection": ["a.jpg", "b.jpg"]}, **extra}


def test_a_refiner_recorded_to_have_chosen_on_no_photo_takes_none_from_the_report_part():
    meta = _meta(refine={"selection": {"images": [], "part": REFINER_SELECTION_PART}})
    assert refiner_choosers(meta) == set()
    parts = validation_parts(meta)
    assert (parts.report, parts.chose, parts.refiner_took) == (["c.jpg", "d.jpg"], ["a.jpg", "b.jpg"], 0)


def test_an_empty_refine_record_is_no_second_stage():
    meta = _meta(refine={})
    assert refiner_choosers(meta) is None
    parts = validation_parts(meta)
    assert (parts.report, parts.chose, parts.refiner_took) == (["c.jpg", "d.jpg"], ["a.jpg", "b.jpg"], 0)


def test_a_refiner_with_no_selection_recorded_chose_on_every_validation_photo():
    # the contrast: where nothing says which photos, all of them chose the second stage
    meta = _meta(refine={"validation_variants": {}})
    assert refiner_choosers(meta) == set(VALIDATION)
    parts = validation_parts(meta)
    assert (parts.report, parts.chose, parts.refiner_took) == ([], VALIDATION, 2)
