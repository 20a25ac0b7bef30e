"""A bundle fine-tuned with its parent's second stage is run through both stages once at the end of its run.

Its figures (`carried_refiner.rescored_with_refiner`) and those on its person-drawn boxes
(`training_accepted.with_carried_refiner`) are on the same images; each predicted them for itself, so the
person-drawn images went through both stages twice. The second figures are now taken from the first's
predictions (`carried_refiner.through_both_stages`): the same figures, each image predicted once.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.accepted_boxes import AcceptedModels
from petloc_gui.model.bundle import REFINE_FILE
from petloc_gui.model.carried_refiner import refiner_scored, rescored_with_refiner
from petloc_gui.model.comparison import score_model
from petloc_gui.model.data import NONE_ACCEPTED, Sample
from petloc_gui.model.training_accepted import KEY, accepted_record, with_carried_refiner
from petloc_gui.model.training_data import Item

from .conftest import bundle_meta, constant_model

OTHER = "model x"
SIZE = (64, 48)


def _image_model():
    """A first stage whose class and box follow the photo's mean colour (a constant model's would not tell
    one image's prediction from another's)."""
    import keras
    from keras import layers

    inputs = keras.Input((SIZE[1], SIZE[0], 3))
    pooled = layers.Rescaling(1 / 255)(layers.GlobalAveragePooling2D()(inputs))
    probs = layers.Dense(2, activation="softmax", name="class",
                         kernel_initializer=keras.initializers.Constant([[4.0, -4.0], [-4.0, 4.0], [0.0, 0.0]]))(
        pooled)
    box = layers.Dense(4, activation="sigmoid", name="box", bias_initializer=keras.initializers.Constant(
        [-1.5, -1.0, 1.0, 1.2]), kernel_initializer=keras.initializers.Constant(
        [[1.0, 0.0, 0.5, 0.0], [0.0, 1.5, 0.0, -0.5], [0.5, 0.5, 0.5, 0.5]]))(pooled)
    return keras.Model(inputs, [probs, box])


@pytest.fixture
def carrying_bundle(tmp_path):
    """A saved two-stage bundle (cat/dog, 64x48) as a retrain writes one with its parent's refiner."""
    from petloc_gui.model.bundle_write import save_bundle

    refiner = tmp_path / "refine.keras"
    constant_model(input_size=(32, 32), box=(0.2, 0.15, 0.9, 0.8)).save(refiner)
    meta = {**bundle_meta(), "version_id": "digits-8",
            "refine": {"model_file": REFINE_FILE, "input_size": [32, 32], "margin": 2.0,
                       "selection": {"part": "selection part", "images": ["chose.png"]}}}
    return save_bundle(_image_model(), meta, tmp_path / "child", extra_files={REFINE_FILE: refiner})


def _items(folder: Path) -> list[Item]:
    """Photos of different colours: drawn by a person, accepted from another model (box and label, or the box
    alone), one that chose the refiner (left out of both figures) and one that is no image (left out)."""
    folder.mkdir()
    photos = {"drawn1.png": ((200, 40, 90), "cat", (5.0, 4.0, 40.0, 30.0), NONE_ACCEPTED),
              "drawn2.png": ((30, 180, 60), "dog", (20.0, 10.0, 60.0, 45.0), NONE_ACCEPTED),
              "drawn3.png": ((120, 120, 250), "dog", (0.0, 0.0, 30.0, 20.0), NONE_ACCEPTED),
              "kept.png": ((90, 20, 20), "cat", (10.0, 5.0, 50.0, 40.0), AcceptedModels({OTHER}, {OTHER})),
              "relabelled.png": ((10, 200, 200), "cat", (12.0, 8.0, 44.0, 36.0), AcceptedModels({OTHER})),
              "chose.png": ((250, 250, 10), "dog", (1.0, 1.0, 63.0, 47.0), NONE_ACCEPTED),
              "broken.png": (None, "dog", (0.0, 0.0, 64.0, 48.0), NONE_ACCEPTED)}
    items = []
    for name, (colour, label, box, accepted) in photos.items():
        path = folder / name
        if colour is None:
            path.write_bytes(b"not a png")
        else:
            Image.fromarray(np.full((SIZE[1], SIZE[0], 3), colour, np.uint8)).save(path)
        sample = Sample(path, name, path.with_suffix(".xml"), box, label, accepted=accepted)
        items.append(Item(sample, SIZE, (0.0, 0.0, 1.0, 1.0)))
    return items


def _same(new: Any, old: Any) -> bool:
    """Whether two records hold the same figures: equal, a float to float32 round-off (one image predicted in
    another batch; equal on the machine this was written on)."""
    if isinstance(new, dict) and isinstance(old, dict):
        return new.keys() == old.keys() and all(_same(new[key], old[key]) for key in new)
    if isinstance(new, list) and isinstance(old, list):
        return len(new) == len(old) and all(_same(a, b) for a, b in zip(new, old, strict=True))
    if isinstance(new, float) and isinstance(old, float):
        return new == pytest.approx(old, rel=1e-6, abs=1e-7)
    return bool(new == old) and type(new) is type(old)


def _predicted_paths(monkeypatch) -> Counter[str]:
    """How many times each image file goes through the model (`inference.Predictor.predict_paths`)."""
    from petloc_gui.model.inference import Predictor

    counted: Counter[str] = Counter()
    predict_paths = Predictor.predict_paths

    def counting(self, paths, *args, **kwargs):
        counted.update(Path(p).name for p in paths)
        return predict_paths(self, paths, *args, **kwargs)

    monkeypatch.setattr(Predictor, "predict_paths", counting)
    return counted


def test_the_figures_from_one_pass_are_those_of_the_two_passes(tmp_path, carrying_bundle, monkeypatch):
    from petloc_gui.model.carried_refiner import through_both_stages

    items = _items(tmp_path / "photos")
    meta = {**json.loads((carrying_bundle / "meta.json").read_text()), "metrics": {"split": "validation"}}
    # the two passes as the end of a run made them before: the rescore, then the person-drawn images again
    # (on the images the rescore scored: broken.png, which is no image, is in neither figure)
    old_metrics = rescored_with_refiner(carrying_bundle, meta, items)
    readable = [it for it in refiner_scored(meta, items)[0] if it.relpath != "broken.png"]
    old_record = accepted_record(readable, meta, lambda part, subset: score_model(
        carrying_bundle, [it.sample for it in part], subset))
    counted = _predicted_paths(monkeypatch)

    # as `training.train` runs them now
    both = through_both_stages(carrying_bundle, meta, items)
    metrics = rescored_with_refiner(carrying_bundle, meta, items, both)
    record = with_carried_refiner(carrying_bundle, meta, items, both)

    assert _same(metrics, old_metrics)  # every figure: headline, per class, confusion
    assert _same(record, old_record)
    written = json.loads((carrying_bundle / "meta.json").read_text())
    assert (written["metrics"], written[KEY]) == (metrics, record)
    # the case tells the images apart: the person's images score otherwise than all of them
    assert metrics["n_images"] == 5 and metrics["split"].endswith("1 that chose the refiner's epoch and variant "
                                                                  "left out)")
    # every count of the images scored: broken.png, a person's image that could not be read, in none
    assert record["n_scored"] == metrics["n_images"] == 5
    assert record["person_drawn"]["n_images"] == 3 and record["person_drawn"]["n_labelled"] == 4
    assert 0 < metrics["accuracy"] < 1 and record["person_drawn"]["mean_iou"] != metrics["mean_iou"]
    # each image the figures are on through the model once; the one that chose the refiner not at all
    assert counted == {name: 1 for name in ("drawn1.png", "drawn2.png", "drawn3.png", "kept.png",
                                            "relabelled.png", "broken.png")}


def test_figures_asked_of_an_image_not_predicted_are_refused(tmp_path, carrying_bundle):
    from petloc_gui.model.carried_refiner import through_both_stages

    items = _items(tmp_path / "photos")
    meta = json.loads((carrying_bundle / "meta.json").read_text())
    both = through_both_stages(carrying_bundle, meta, items[3:])  # kept.png onwards: no drawn image

    with pytest.raises(ValueError, match="3 of the images to score were not predicted"):
        with_carried_refiner(carrying_bundle, meta, items, both)


@pytest.mark.slow
def test_a_retrain_keeping_a_second_stage_predicts_each_scored_image_once(two_stage_retrain):
    from petloc_gui.model.training_data import TrainingData

    # two of the report images (those the figures are on) hold boxes accepted from a model (the run's parent,
    # tests/model/two_stage_retrain.py): the person-drawn figures are wanted, on the others
    parent_meta = json.loads((two_stage_retrain.parent / "meta.json").read_text())
    _, report = TrainingData.collect(two_stage_retrain.data, "default", [], 0.25, 0,
                                     parent_meta=parent_meta).validation_parts()
    assert two_stage_retrain.accepted == sorted(it.relpath for it in report)[:2]
    meta = json.loads((two_stage_retrain.child / "meta.json").read_text())

    assert meta[KEY]["person_drawn"]["n_images"] == len(report) - 2  # the person-drawn figures were made
    assert meta["metrics"]["n_images"] == len(report)
    # `Predictor.predict_paths` in the run, counted as `_predicted_paths` counts
    counted = two_stage_retrain.predicted
    assert counted == {Path(relpath).name: 1 for relpath in meta["validation_parts"]["report"]}
