"""Training on `petloc digits` canvases merged beside another folder's `petloc-digits.json`
(`core.digits_record.NOT_RECORDED`): their digits cannot be told, so the new model's meta.json records
that it may have learned any, and the run says how to have them told. Before: read as images of no digit,
the record said it learned only the digits of the folder's own canvases. The Retrain dialog's preview
(`canvas_digits` with no hashes) warns of them too, and not of the canvases the record names."""

from __future__ import annotations

import shutil

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME
from petloc_gui.model.canvas_digits import canvas_digits
from petloc_gui.model.training_data import TrainingData


def _merged(tmp_path):
    """data/m: A's canvases (petloc digits --split test) and record, B's (--split train) merged in without theirs."""
    own = write_digits_dataset(tmp_path / "A", "test", count=5, seed=1)
    merged_in = write_digits_dataset(tmp_path / "B", "train", count=5, seed=2)
    target = tmp_path / "data" / "m"
    shutil.copytree(tmp_path / "A", target)
    for image in merged_in:
        shutil.copy(image, target / image.name)
        shutil.copy(image.with_suffix(".xml"), target / image.with_suffix(".xml").name)
    return own, merged_in, target


def test_training_on_merged_canvases_records_that_it_may_have_learned_any_digit(tmp_path):
    *_, target = _merged(tmp_path)
    data = TrainingData.collect(tmp_path / "data", val_fraction=0.2)
    record = data.summary_record(0)
    assert record["mnist_digits"] == {"test": "all", "train": "all"}
    n = sum(1 for it in data.train if it.relpath.startswith("m/train_"))
    assert n and record["mnist_digits_unknown"]["records"] == [
        {"record": "m/petloc-digits.json", "problem": NOT_RECORDED, "n_images": n}]
    assert data.digits_notices() == [
        f"m/petloc-digits.json: {NOT_RECORDED}: which MNIST digit the {n} training images in its folder hold cannot "
        "be told, so the new model's meta.json records that it may have learned every digit of petloc digits, and "
        "its figures on any petloc digits canvas will be said to be optimistic (to have them told, keep them beside "
        "the petloc-digits.json of the folder petloc digits wrote them to, or run the petloc digits command that "
        "wrote them again with this folder as OUT (the same --split, --count and --seed), which records them here, "
        "and train again)"]
    write_digits_dataset(target, "train", count=5, seed=2, replace=False)  # the advice: recorded here, told
    told = TrainingData.collect(tmp_path / "data", val_fraction=0.2)
    assert told.digits_notices() == [] and "mnist_digits_unknown" not in told.summary_record(0)


def test_the_preview_with_no_hashes_warns_of_merged_canvases_alone(tmp_path):
    own, merged_in, target = _merged(tmp_path)
    found = canvas_digits((f"m/{image.name}", target / image.name, None) for image in [*own, *merged_in])
    assert found.untold == {f"m/{image.name}": (f"m/{RECORD_NAME}", NOT_RECORDED) for image in merged_in}
    assert set(found.digits) == {f"m/{image.name}" for image in own}
