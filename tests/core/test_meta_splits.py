"""`core.meta_splits`: one parse of the validation and test lists meta.json records, for fine-tuning's held-out
images (`model.splits.parent_splits`) and the learned-digits hedge's canvases (`core.digits_record`)."""

from __future__ import annotations

from petloc_gui.core.digits_record import recorded_canvases
from petloc_gui.core.meta_splits import listed_split, older_split

BOTH = {"splits": {"validation": ["v"], "test": ["x", "y"]}, "test_split": {"images": ["given"]},
        "validation_split": {"images": ["v"]}}


def test_this_formats_lists_then_an_older_records():
    assert listed_split(BOTH, "test") == ["x", "y"]  # this format's list alone, in its order
    assert older_split(BOTH, "test") == ["given"]
    older = {"validation_split": {"images": ["v"]}, "test_split": {"images": ["x"]}}
    assert listed_split(older, "validation") == ["v"] and listed_split(older, "test") == ["x"]


def test_a_damaged_record_lists_nothing_it_cannot_read():
    assert listed_split(None, "test") == [] and older_split("not a record", "test") == []
    assert listed_split({"splits": {"test": "x.png"}}, "test") == []  # not read as the paths "x", ".", ...
    assert listed_split({"splits": {"test": ["x", 5, None]}}, "test") == ["x"]
    assert listed_split({"splits": None, "test_split": {"images": ["x"]}}, "test") == ["x"]


def test_the_hedges_canvases_leave_out_the_images_either_list_names():
    meta = {**BOTH, "images": {p: {"sha256": f"sha-{p}"} for p in ("t", "v", "x", "y", "given")}}
    assert recorded_canvases(meta) == {"sha-t", "sha-v"}
    assert recorded_canvases(meta, validation=False) == {"sha-t"}
