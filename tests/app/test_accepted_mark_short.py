"""The accepted-boxes mark with its short form: the status line, short of room, shows "15/16 accepted" beside the
figures (the sentence in its tooltip). So does every other part of what figures rest on (`cautions`): the status line
kept the accepted mark only and dropped the others (a version kept in the window read "acc 1.000 · IoU 0.927", its
"somewhat optimistic" and "too few images" gone). Each is built as a pair, its sentence and its short form, from the
record (they were read back from the sentence's words: `test_caution_short_forms`)."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_metrics import (
    ACCEPTED_KEY,
    BASIS_JOIN,
    TOO_FEW_MARK,
    accepted_caution,
    basis_text,
    cautions,
)


@pytest.mark.parametrize(("record", "said", "short"), [
    ({"n_images": 15, "n_scored": 16}, "15 of 16 hold boxes accepted from a model", "15/16 accepted"),
    ({"n_images": 5, "n_scored": 5}, "all 5 hold boxes accepted from a model", "5/5 accepted"),
    ({"n_images": 1, "n_scored": 1}, "all 1 holds boxes accepted from a model", "1/1 accepted"),
    ({"n_images": 3}, "3 of them hold boxes accepted from a model", "3 accepted")])
def test_each_wording_comes_with_its_short_form(record, said, short):
    caution = accepted_caution({ACCEPTED_KEY: record})
    assert caution is not None and (caution.long, caution.short) == (said, short)


def test_no_mark_no_short_form():
    assert accepted_caution({}) is None and accepted_caution({ACCEPTED_KEY: {"n_images": 0}}) is None


def test_every_part_of_what_figures_rest_on_has_its_short_form():
    basis = {"n_validation": 20, "images": "images neither model trained on", "hedges": ["a note", "another"]}
    metrics = {"n_images": 12, "basis": basis, ACCEPTED_KEY: {"n_images": 3, "n_scored": 12}}
    said = basis_text(metrics)
    assert said == ("of 20, images neither model trained on; somewhat optimistic: 2 notes say so, as recorded when "
                    f"the version was kept; 3 of 12 hold boxes accepted from a model; {TOO_FEW_MARK}")
    assert BASIS_JOIN.join(caution.long for caution in cautions(metrics)) == said
    assert [caution.short for caution in cautions(metrics)] == [
        "of 20", "optimistic", "3/12 accepted", "too few to compare"]
