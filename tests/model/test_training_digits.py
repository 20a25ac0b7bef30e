"""A run's closing figures (meta.json ``metrics``) say which of the validation images they are on hold MNIST digits
a model learned on other canvases, in the retrain comparison's words (`model.training_digits`).

Before, `petloc train --init-from digits` on a `petloc digits --split train` folder reported its figures on
canvases of digits its parent had learned, or chosen its epoch with, and said nothing of it, while the window's
comparison and `petloc evaluate` hedged the same figures. No TensorFlow: the meta.json is what a run records.
"""

from __future__ import annotations

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.training_data import TrainingData
from petloc_gui.model.training_digits import learned_digits_record, scored_images

PARENT_SAID = ("hold MNIST digits that the model it was fine-tuned from, or one that model descends from, learned, "
               "or chose its epoch with, on other canvases (the digits of petloc digits --split train), so these "
               "figures on them are optimistic.")


def _run_meta(folder, parent_meta=None, val_fraction=0.5):
    """The parts of meta.json a run over ``folder`` records that the record reads (`model.training`'s), and the
    digits its parent's line learned as it collected them (None: no parent), as `model.training` passes them."""
    data = TrainingData.collect(folder, "default", [], val_fraction, 0, parent_meta=parent_meta)
    inherited = data.inherited_digits if parent_meta is not None else None
    selection, report = data.validation_parts()
    meta = {"format_version": 1, "preset": "digits", "class_names": data.class_names, "images": data.images_record(),
            "splits": data.splits_record(), "training_data": data.summary_record(0),
            "validation_parts": {"selection": sorted(it.relpath for it in selection),
                                 "report": sorted(it.relpath for it in report)},
            "metrics": {"split": "validation (report part)", "n_images": len(report or selection), "accuracy": 0.5}}
    return meta, inherited


def test_a_fine_tune_from_the_bundled_model_says_its_figures_are_on_digits_the_parent_learned(tmp_path):
    write_digits_dataset(tmp_path, "train", count=20, seed=3)  # the digits the bundled model learned, placed anew
    parent = read_meta("digits")
    meta, inherited = _run_meta(tmp_path, parent)
    scored = meta["validation_parts"]["report"]
    assert len(scored) > 1 and [c.relpath for c in scored_images(meta, tmp_path)] == scored
    n = len(scored)
    record = learned_digits_record(meta, tmp_path, inherited)
    assert record == {"n_scored": n, "parent": n, "own": 0, "untold": 0,  # its own digits are its parent's too
                      "hedges": [f"{n} of these {n} images {PARENT_SAID}"]}


def test_a_run_validated_on_digits_it_trained_on_in_another_subfolder_says_so(tmp_path):
    """Two seeds of one split hold the same digits: a canvas trained on in one subfolder, its twin validated on."""
    write_digits_dataset(tmp_path / "a", "test", count=4, seed=0)
    write_digits_dataset(tmp_path / "b", "test", count=4, seed=1)
    meta, _ = _run_meta(tmp_path)
    trained = set(meta["splits"]["train"])
    scored = meta["validation_parts"]["report"]
    twins = [r for r in scored if f"{'b' if r.startswith('a/') else 'a'}/{r.split('/', 1)[1]}" in trained]
    assert twins  # (the split of these eight canvases trains on the twin of some report image)
    record = learned_digits_record(meta, tmp_path, None)
    n, k = len(scored), len(twins)
    holds, them = ("holds an MNIST digit", "it") if k == 1 else ("hold MNIST digits", "them")
    assert record == {"n_scored": n, "parent": 0, "own": k, "untold": 0,
                      "hedges": [f"{k} of these {n} images {holds} that the new model learned on other canvases "
                                 f"(the digits of petloc digits --split test), so these figures on {them} are "
                                 "optimistic."]}


def test_a_run_on_digits_it_learned_nowhere_else_says_nothing(tmp_path):
    write_digits_dataset(tmp_path, "train", count=12, seed=3)  # each digit once: trained on or validated on
    assert learned_digits_record(_run_meta(tmp_path)[0], tmp_path, None) is None  # meta.json: null


def test_the_record_counts_the_images_the_figures_are_on(tmp_path):
    write_digits_dataset(tmp_path, "train", count=12, seed=3)
    parent = read_meta("digits")
    meta, inherited = _run_meta(tmp_path, parent)
    record = learned_digits_record(meta, tmp_path, inherited)
    assert record and record["n_scored"] == meta["metrics"]["n_images"] == record["parent"]


def test_images_validation_could_not_read_are_in_no_count(tmp_path):
    write_digits_dataset(tmp_path, "train", count=12, seed=3)
    meta, _ = _run_meta(tmp_path, read_meta("digits"))
    report = meta["validation_parts"]["report"]
    meta["training_data"]["unreadable"] = [{"image": report[0], "role": "validation", "reason": "truncated"}]
    assert [c.relpath for c in scored_images(meta, tmp_path)] == report[1:]
    meta["metrics"]["n_images"] = 0  # no figures: nothing to hedge
    assert scored_images(meta, tmp_path) == []


def test_the_one_image_the_figures_are_on_is_said_in_the_singular(tmp_path):
    """A run with one scored image: "the one image these figures are on holds ... on it" (it read "on them")."""
    write_digits_dataset(tmp_path, "train", count=12, seed=3)
    parent = read_meta("digits")
    meta, inherited = _run_meta(tmp_path, parent)
    meta["validation_parts"]["report"] = meta["validation_parts"]["report"][:1]
    meta["metrics"]["n_images"] = 1
    record = learned_digits_record(meta, tmp_path, inherited)
    assert record and record["hedges"] == [
        "the one image these figures are on holds an MNIST digit that the model it was fine-tuned from, or one that "
        "model descends from, learned, or chose its epoch with, on other canvases (the digits of petloc digits "
        "--split train), so these figures on it are optimistic."]
