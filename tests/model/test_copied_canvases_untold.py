"""Training and the retrain comparison on `petloc digits` canvases copied out of the folder that holds their
`petloc-digits.json` (`core.digits_record.NO_RECORD`): which MNIST digit they hold cannot be told, as of a
record that cannot be read. Before: taken for no canvas: the new model's meta.json said it learned no
digit, and the comparison called the figures on digits the current model learned fair."""

from __future__ import annotations

import shutil

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import NO_RECORD, RECORD_NAME
from petloc_gui.model.training_data import TrainingData
from tests.model.test_comparison_unreadable_digits import _compare, _new_bundle


def _copied(images, target):
    """The canvases ``images`` and their annotations copied into ``target``, their record left behind."""
    target.mkdir(parents=True)
    for image in images:
        shutil.copy(image, target / image.name)
        shutil.copy(image.with_suffix(".xml"), target / image.with_suffix(".xml").name)
    return [target / image.name for image in images]


def test_training_on_copied_canvases_records_that_it_may_have_learned_any_digit(tmp_path):
    _copied(write_digits_dataset(tmp_path / "dg", "train", count=10, seed=3), tmp_path / "data" / "cp")
    data = TrainingData.collect(tmp_path / "data", val_fraction=0.2)
    record = data.summary_record(0)
    assert record["mnist_digits"] == {"test": "all", "train": "all"}
    n = len(data.train)
    assert record["mnist_digits_unknown"]["records"] == [
        {"record": "cp/petloc-digits.json", "problem": NO_RECORD, "n_images": n}]
    assert data.digits_notices() == [
        f"cp/petloc-digits.json: {NO_RECORD}: which MNIST digit the {n} training images in its folder hold cannot be "
        "told, so the new model's meta.json records that it may have learned every digit of petloc digits, and its "
        "figures on any petloc digits canvas will be said to be optimistic (to have them told, copy beside them the "
        "petloc-digits.json of the folder petloc digits wrote them to, and train again)"]
    shutil.copy(tmp_path / "dg" / RECORD_NAME, tmp_path / "data" / "cp" / RECORD_NAME)  # told again
    told = TrainingData.collect(tmp_path / "data", val_fraction=0.2)
    assert list(told.summary_record(0)["mnist_digits"]) == ["train"] and told.digits_notices() == []


def test_the_comparison_hedges_copied_canvases_of_digits_the_current_model_learned(tmp_path, scored):
    images = _copied(write_digits_dataset(tmp_path / "dg", "train", count=4, seed=3), tmp_path / "cp")
    note = _compare(tmp_path, images, _new_bundle(tmp_path / "nb"), old_model="digits", fine_tuned=False)["note"]
    assert "A fair comparison" not in note
    assert ("4 of them are canvases whose MNIST digit their folder's petloc digits record cannot tell "
            f"(cp/petloc-digits.json: {NO_RECORD}): whether the current model learned their digits cannot be told, "
            "so the current model's figures on them may be optimistic.") in note
