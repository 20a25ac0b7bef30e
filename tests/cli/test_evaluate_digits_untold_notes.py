"""The words `petloc evaluate`'s ``trained_on_record`` adds of evaluated canvases whose MNIST digit cannot be told
(`cli.evaluate_digits.learned_digits_record`): a record that cannot be read, canvases copied without their folder's
`petloc-digits.json` (`NO_RECORD`, `EMPTY_RECORD`), canvases it knows not (`NOT_RECORDED`), each in the singular and
the plural, in this order, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli.evaluate_digits import LearnedDigits, learned_digits_record
from petloc_gui.core.digits_record import EMPTY_RECORD, NO_RECORD, NOT_RECORDED

RECORD = Path("dg/petloc-digits.json")
TAIL = "(n_digits_unknown, digits_records_unread)"
UNRECORDED = {1: "1 evaluated image named as a petloc digits canvas has no petloc-digits.json record beside it; it may "
                 f"hold an MNIST digit the model learned {TAIL}",
              3: "3 evaluated images named as petloc digits canvases have no petloc-digits.json record beside them; "
                 f"they may hold MNIST digits the model learned {TAIL}"}
NOT_KNOWN = {1: "1 evaluated image named as a petloc digits canvas is not in the petloc-digits.json beside it, by name "
                f"or by bytes; it may hold an MNIST digit the model learned {TAIL}",
             2: "2 evaluated images named as petloc digits canvases are not in the petloc-digits.json beside them, by "
                f"name or by bytes; they may hold MNIST digits the model learned {TAIL}"}
UNREADABLE = ("1 evaluated image may hold an MNIST digit the model learned: the petloc digits record of its folder "
              f"cannot be read {TAIL}")


def _record(*unknown):
    return learned_digits_record("complete", LearnedDigits(0, "learned", tuple(unknown)))


@pytest.mark.parametrize("why", [NO_RECORD, EMPTY_RECORD])
def test_canvases_copied_without_their_record(why):
    assert _record((RECORD, why, 1)) == f"incomplete: {UNRECORDED[1]}"
    assert _record((RECORD, NO_RECORD, 2), (Path("cp/petloc-digits.json"), why, 1)) == f"incomplete: {UNRECORDED[3]}"


def test_canvases_their_record_knows_not():
    assert _record((RECORD, NOT_RECORDED, 1)) == f"incomplete: {NOT_KNOWN[1]}"
    assert _record((RECORD, NOT_RECORDED, 2)) == f"incomplete: {NOT_KNOWN[2]}"


def test_every_kind_in_its_order_after_the_record_s_own_words():
    record = learned_digits_record("incomplete: the record says so", LearnedDigits(
        0, "learned", ((RECORD, NOT_RECORDED, 2), (RECORD, "cannot be read: not JSON", 1), (RECORD, NO_RECORD, 3))))
    assert record == f"incomplete: the record says so; {UNREADABLE}; {UNRECORDED[3]}; {NOT_KNOWN[2]}"
    assert learned_digits_record("none: no record", LearnedDigits(0, "learned", ((RECORD, NO_RECORD, 3),))) == \
        "none: no record"
