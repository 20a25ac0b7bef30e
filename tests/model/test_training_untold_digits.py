"""Training canvases whose folder's `petloc digits` record cannot be read (or whose entry names no digit):
which MNIST digit they hold cannot be told. Before: meta.json's training_data.mnist_digits recorded them as
holding none (a broken record: no mnist_digits at all), so `petloc evaluate` and the retrain comparison took
the digits the new model may have learned for held-out ones, and nothing was said."""

from __future__ import annotations

import json

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME, learned, learned_digits
from petloc_gui.model.training_data import TrainingData


def test_a_broken_record_is_warned_of_and_recorded_as_perhaps_every_digit(tmp_path):
    write_digits_dataset(tmp_path / "dg", "train", count=10, seed=3)
    (tmp_path / "dg" / RECORD_NAME).write_text("{ broken")
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    record = data.summary_record(0)
    assert record["mnist_digits"] == {"test": "all", "train": "all"}
    # the readers of mnist_digits (evaluate, the comparison, a fine-tune's lineage) take any digit for learned
    assert learned(("test", 400), learned_digits({"training_data": record}))
    n = len(data.train)
    assert record["mnist_digits_unknown"] == {
        "n_images": n, "recorded_as": "every digit of every split of petloc digits (any may be learned)",
        "records": [{"record": "dg/petloc-digits.json", "n_images": n,
                     "problem": "cannot be read: not JSON (Expecting property name enclosed in double quotes, "
                                "line 1 column 3)"}]}
    assert data.digits_notices() == [
        "dg/petloc-digits.json: cannot be read: not JSON (Expecting property name enclosed in double quotes, line 1 "
        f"column 3): which MNIST digit the {n} training images in its folder hold cannot be told, so the new model's "
        "meta.json records that it may have learned every digit of petloc digits, and its figures on any petloc "
        "digits canvas will be said to be optimistic (to record them anew, move it away, run the petloc digits "
        "command that made the folder again, with the same --split, --count and --seed, and train again)"]


def test_an_entry_naming_no_digit_makes_the_record_cover_every_digit_too(tmp_path):
    write_digits_dataset(tmp_path, "train", count=10, seed=3)
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    trained = data.train[0].relpath
    path = tmp_path / RECORD_NAME
    record = json.loads(path.read_text())
    del record["images"][trained]["sha256"]
    path.write_text(json.dumps(record))
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    summary = data.summary_record(0)
    assert summary["mnist_digits"] == {"test": "all", "train": "all"}
    assert summary["mnist_digits_unknown"]["n_images"] == 1
    assert data.digits_notices()[0].startswith(
        f"petloc-digits.json: its entry for {json.dumps(trained)} is not a canvas's split, mnist_index and sha256: "
        "which MNIST digit the one training image in its folder holds cannot be told")


def test_a_readable_record_adds_no_unknown_and_no_notice(tmp_path):
    write_digits_dataset(tmp_path, "test", count=6, seed=3)
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    summary = data.summary_record(0)
    assert "mnist_digits_unknown" not in summary and list(summary["mnist_digits"]) == ["test"]
    assert data.digits_notices() == []


def test_many_broken_records_are_warned_of_three_then_counted(tmp_path):
    for i in range(5):
        write_digits_dataset(tmp_path / f"d{i}", "train", count=4, seed=i)
        (tmp_path / f"d{i}" / RECORD_NAME).write_text("[]")
    data = TrainingData.collect(tmp_path, val_fraction=0.2)
    notices = data.digits_notices()
    assert len(notices) == 4 and notices[0].startswith("d0/petloc-digits.json: cannot be read: not a petloc digits")
    untold = data.summary_record(0)["mnist_digits_unknown"]
    later = sum(entry["n_images"] for entry in untold["records"][3:])
    assert notices[3] == (f"and 2 more petloc digits records that cannot tell the digits of {later} training images "
                          "(meta.json lists them: training_data.mnist_digits_unknown)")
