"""The accepted-boxes mark read back from its sentence, with its short form: the status line, short of room, shows
"15/16 accepted" beside the figures (the sentence in its tooltip) from the text it was given."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_metrics import ACCEPTED_KEY, TOO_FEW_MARK, accepted_mark_in, accepted_text


@pytest.mark.parametrize(("record", "short"), [({"n_images": 15, "n_scored": 16}, "15/16 accepted"),
                                               ({"n_images": 5, "n_scored": 5}, "5/5 accepted"),
                                               ({"n_images": 1, "n_scored": 1}, "1/1 accepted"),
                                               ({"n_images": 3}, "3 accepted")])
def test_each_wording_is_read_back_with_its_short_form(record, short):
    said = accepted_text({ACCEPTED_KEY: record})
    assert accepted_mark_in(f"{said}; {TOO_FEW_MARK}") == (said, short)


def test_no_mark_no_short_form():
    assert accepted_mark_in(TOO_FEW_MARK) is None and accepted_mark_in("") is None
