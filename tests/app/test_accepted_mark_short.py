"""The accepted-boxes mark read back from its sentence, with its short form: the status line, short of room, shows
"15/16 accepted" beside the figures (the sentence in its tooltip) from the text it was given. So does every other
part of what figures rest on (`short_caution`): the status line kept the accepted mark only and dropped the others
(a version kept in the window read "acc 1.000 · IoU 0.927", its "somewhat optimistic" and "too few images" gone)."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_metrics import (
    ACCEPTED_KEY,
    BASIS_JOIN,
    TOO_FEW_MARK,
    accepted_mark_in,
    accepted_text,
    basis_text,
    short_caution,
)


@pytest.mark.parametrize(("record", "short"), [({"n_images": 15, "n_scored": 16}, "15/16 accepted"),
                                               ({"n_images": 5, "n_scored": 5}, "5/5 accepted"),
                                               ({"n_images": 1, "n_scored": 1}, "1/1 accepted"),
                                               ({"n_images": 3}, "3 accepted")])
def test_each_wording_is_read_back_with_its_short_form(record, short):
    said = accepted_text({ACCEPTED_KEY: record})
    assert accepted_mark_in(f"{said}; {TOO_FEW_MARK}") == (said, short)


def test_no_mark_no_short_form():
    assert accepted_mark_in(TOO_FEW_MARK) is None and accepted_mark_in("") is None


def test_every_part_of_what_figures_rest_on_has_its_short_form():
    basis = {"n_validation": 20, "images": "images neither model trained on", "hedges": ["a note", "another"]}
    said = basis_text({"n_images": 12, "basis": basis, ACCEPTED_KEY: {"n_images": 3, "n_scored": 12}})
    assert said == ("of 20, images neither model trained on; somewhat optimistic: 2 notes say so, as recorded when "
                    f"the version was kept; 3 of 12 hold boxes accepted from a model; {TOO_FEW_MARK}")
    assert [short_caution(part) for part in said.split(BASIS_JOIN)] == [
        "of 20", "optimistic", "3/12 accepted", "too few to compare"]


def test_a_part_read_as_none_of_them_is_its_own_short_form():
    assert short_caution("a caution added since") == "a caution added since"  # kept whole, never dropped
