"""The canvases whose `petloc digits` record cannot tell their digit are summed up by record in one place
(`model.canvas_digits.untold_by_record`, `untold_warnings`): training's notices and meta.json record, and
`petloc evaluate`'s warnings, had a builder each."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model.canvas_digits import untold_by_record, untold_notices, untold_record, untold_warnings


def test_each_record_once_in_the_order_met_with_its_first_reason_and_its_images():
    untold = [(Path("b/r.json"), "entry x"), (Path("a/r.json"), "not JSON"), (Path("b/r.json"), "entry y"),
              (Path("b/r.json"), "entry x")]
    assert untold_by_record(untold) == [(Path("b/r.json"), "entry x", 3), (Path("a/r.json"), "not JSON", 1)]
    assert untold_by_record([]) == []


def test_the_warnings_name_the_first_records_and_count_the_rest():
    records = [("r1", "why1", 1), ("r2", "why2", 4), ("r3", "why3", 2), ("r4", "why4", 5)]
    lines = untold_warnings(records, "evaluated", lambda how: "SO", "ANEW", "LISTED", shown=2)
    assert lines == [
        "r1: why1: which MNIST digit the one evaluated image in its folder holds cannot be told, so SO",
        "r2: why2: which MNIST digit the 4 evaluated images in its folder hold cannot be told, so SO",
        "and 2 more petloc digits records that cannot tell the digits of 7 evaluated images (LISTED)"]
    assert untold_warnings([("r\x1b", "why", 1)], "training", lambda how: "SO", "ANEW", "LISTED")[0].startswith(
        "r\\x1b: why: ")


def test_training_sums_up_by_record_sorted():
    untold = {"z/1.png": ("z/petloc-digits.json", "not JSON"), "a/1.png": ("a/petloc-digits.json", "entry 1"),
              "a/2.png": ("a/petloc-digits.json", "entry 2")}
    assert untold_record(untold)["records"] == [
        {"record": "a/petloc-digits.json", "problem": "entry 1", "n_images": 2},
        {"record": "z/petloc-digits.json", "problem": "not JSON", "n_images": 1}]
    notices = untold_notices(untold, shown=1)
    assert notices[0].startswith("a/petloc-digits.json: entry 1: which MNIST digit the 2 training images in its "
                                 "folder hold cannot be told, so the new model's meta.json records")
    assert notices[1] == ("and 1 more petloc digits record that cannot tell the digits of 1 training image "
                          "(meta.json lists them: training_data.mnist_digits_unknown)")
