"""Training validation, the retrain comparison and a carried refiner's rescore score a prediction against
every object of its photo (best-gt), as `petloc evaluate` does; training still learns the first object.

Before: they scored only a photo's first object (model/data.py took ``annotation.objects[0]``). On canvases
whose XML lists a decoy object first (another digit, a 5x5 box in the corner) the comparison gave the
bundled digits model acc 0.000 / IoU 0.000 where `petloc evaluate` gives 1.000 / 0.929, and a run's
summary, meta.json and `petloc models` said 0.000 where evaluate said 0.909 / 0.791 on the same images.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.paths import resources_dir
from petloc_gui.core.voc import read_voc
from petloc_gui.core.voc_types import VocObject
from petloc_gui.core.voc_write import write_voc
from tests.cli.helpers import last_json, run_cli

FIGURES = ("n_images", "accuracy", "mean_iou", "iou_ge_50", "iou_ge_75")
DECOY = (0.0, 0.0, 5.0, 5.0)


def _with_decoys(folder, split, count, seed):
    """`petloc digits` canvases whose XML lists first a decoy: another digit in a 5x5 box in the corner."""
    images = write_digits_dataset(folder, split, count=count, seed=seed)
    for image in images:
        xml = image.with_suffix(".xml")
        annotation = read_voc(xml)
        real = annotation.objects[0]
        annotation.objects.insert(0, VocObject(str((int(real.name) + 1) % 10), Box(*DECOY)))
        write_voc(annotation, xml)
    return images


def _evaluated(capsys, folder, model, *options):
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json", *options)
    assert code == 0, err
    report = last_json(out)
    return {key: report[key] for key in FIGURES}


def _same(figures, evaluated):
    assert figures["n_images"] == evaluated["n_images"]
    for key in FIGURES[1:]:
        assert figures[key] == pytest.approx(evaluated[key], abs=1e-4), key  # evaluate prints 4 decimals


def test_the_comparison_and_validation_score_every_object_as_evaluate_does(tmp_path, capsys):
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.comparison import score_model
    from petloc_gui.model.data import collect_samples
    from petloc_gui.model.training_data import TrainingData
    from petloc_gui.model.training_loop import EpochMonitor, ValidationSet

    folder = tmp_path / "decoys"
    _with_decoys(folder, "test", count=30, seed=1)
    evaluated = _evaluated(capsys, folder, "digits")
    assert evaluated["accuracy"] > 0.9 and evaluated["mean_iou"] > 0.8  # the model finds the real digit

    samples, _, _ = collect_samples(folder)
    # training still learns the first object, as before: the decoy's box and label
    assert all(s.box == DECOY and s.objects[0] == (s.label, s.box) and len(s.objects) == 2 for s in samples)
    _same(score_model("digits", samples), evaluated)  # the retrain comparison

    # training validation (EpochMonitor.validate), on the images as training hands them over
    bundle = load_bundle("digits")
    data = TrainingData.collect(folder, val_fraction=0.0)
    items = data.items
    validation = ValidationSet(
        batches=lambda: data.validation_batches(tuple(bundle.meta["input_size"]), 32, None, items).as_numpy_iterator(),
        label_ids=data.label_ids(items), boxes=[it.sample.box for it in items], sizes=[it.size for it in items],
        targets=data.boxes(items), objects=[it.sample.ground_truth for it in items])
    monitor = EpochMonitor(bundle.model, bundle.class_names, validation, 1.0, epochs=1, steps=1, patience=1,
                           emit=lambda event: None, stop=lambda: False)
    _same(monitor.validate(), evaluated)
    # the loss target stays the first object's box
    np.testing.assert_allclose(data.boxes(items)[0], np.array(DECOY) / 75, rtol=1e-6)


@pytest.fixture
def two_stage_digits(tmp_path):
    """The bundled digits model (a real first stage to fine-tune) with a small second stage added."""
    from petloc_gui.model.bundle import REFINE_FILE

    from .conftest import constant_model

    folder = tmp_path / "parent"
    shutil.copytree(resources_dir() / "models" / "digits", folder)
    constant_model(input_size=(32, 32), n_classes=10).save(folder / REFINE_FILE)
    meta = json.loads((folder / "meta.json").read_text())
    meta["refine"] = {"model_file": REFINE_FILE, "input_size": [32, 32], "margin": 2.0}
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder


@pytest.mark.slow
def test_a_carried_refiner_s_figures_score_every_object_as_evaluate_does(tmp_path, capsys, two_stage_digits):
    from petloc_gui.model.training import TrainConfig, train

    data = tmp_path / "data"
    _with_decoys(data, "train", count=20, seed=0)
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.25,
                         init_from=str(two_stage_digits), out_dir=str(tmp_path / "child"))
    child = train(data, config)
    meta = json.loads((child / "meta.json").read_text())
    assert meta["metrics"]["split"].endswith("(first stage + refiner)")  # rescored through both stages
    _same(meta["metrics"], _evaluated(capsys, data, child, "--split", "validation"))


@pytest.mark.slow
def test_a_run_s_figures_score_every_object_as_evaluate_does(tmp_path, capsys):
    from petloc_gui.model.training import TrainConfig, train

    data = tmp_path / "data"
    _with_decoys(data, "train", count=20, seed=0)
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.25, init_from="digits",
                         out_dir=str(tmp_path / "child"))
    child = train(data, config)
    meta = json.loads((child / "meta.json").read_text())
    # the summary, meta.json and petloc models show these: on the report part, as evaluate --split validation
    assert meta["metrics"]["split"].startswith("validation (report part")
    evaluated = _evaluated(capsys, data, child, "--split", "validation")
    assert evaluated["accuracy"] > 0.5  # the decoy is another digit: scored against it, accuracy was 0
    _same(meta["metrics"], evaluated)


def test_the_refiner_s_validation_scores_every_object():
    from petloc_gui.model.refine_training import _metrics

    names = [str(d) for d in range(10)]
    image = np.zeros((75, 75, 3), np.uint8)
    real = (22.0, 24.0, 50.0, 52.0)
    probs = np.eye(10)[[0]]  # the real digit's class
    figures = _metrics(names, [[("1", DECOY), ("0", real)]], [image], probs, np.array([real]) / 75)
    assert (figures["accuracy"], figures["mean_iou"], figures["n_images"]) == (1.0, pytest.approx(1.0), 1)
