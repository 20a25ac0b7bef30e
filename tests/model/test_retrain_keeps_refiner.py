"""A retrain from a two-stage bundle writes the parent's second stage into the new bundle.

Nothing checked that ``training.train`` hands the carried refiner to ``save_bundle``: with the
``extra_files`` left out, every retrain from ``pets`` wrote meta.json ``refine`` without refine.keras
(a bundle that fails to load) and the cascade tests still passed (they call ``carried_refiner`` and
``save_bundle`` themselves).
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.bundle import REFINE_FILE, load_bundle
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.training import TrainConfig, train

from .two_stage_retrain import REFINE_SIZE, two_stage_parent

pytestmark = pytest.mark.slow


@pytest.fixture
def two_stage_digits(tmp_path):
    """The bundled digits model (a real first stage to fine-tune) with a small second stage added."""
    return two_stage_parent(tmp_path / "parent")


def test_a_retrain_from_a_two_stage_bundle_keeps_its_second_stage(two_stage_retrain):
    # (the run's two report images with boxes accepted from the parent: test_training_accepted_boxes's)
    data, child = two_stage_retrain.data, two_stage_retrain.child

    assert (child / REFINE_FILE).read_bytes() == (two_stage_retrain.parent / REFINE_FILE).read_bytes()
    assert model_file_problem(child) is None
    loaded = load_bundle(child)
    assert loaded.refiner is not None and loaded.meta["refine"]["input_size"] == list(REFINE_SIZE)
    # its figures are those of what predict runs, both stages, on the report images (they were the first
    # stage's: petloc train and petloc models showed IoU 0.565 where the cascade gives 0.848)
    from petloc_gui.model.comparison import score_model
    from petloc_gui.model.data import collect_samples

    meta = json.loads((child / "meta.json").read_text())
    report = set(meta["validation_parts"]["report"])
    samples = [s for s in collect_samples(data)[0] if s.relpath in report]
    scores = score_model(child, samples)
    assert meta["metrics"]["mean_iou"] == pytest.approx(scores["mean_iou"])
    assert meta["metrics"]["accuracy"] == pytest.approx(scores["accuracy"])
    # every figure is the cascade's (a median or per-class figure of the first stage contradicted them)
    per_class = meta["metrics"]["per_class"]
    assert meta["metrics"]["n_images"] == len(samples) == sum(c["count"] for c in per_class.values())
    shown = [c["mean_iou"] * c["count"] for c in per_class.values() if c["count"]]
    assert sum(shown) / len(samples) == pytest.approx(meta["metrics"]["mean_iou"])  # one model's figures
    assert meta["metrics"]["split"].endswith("(first stage + refiner)")
    assert "mean_iou" in meta["first_stage_validation_metrics"]
    assert meta["version_id"] and meta["created"]  # what save_bundle wrote stays
    # the parent's digits (petloc digits --split train) on the images these figures are on, recorded with the bundle
    # and sent in the "done" event (model.training_digits)
    digits = meta["metrics_learned_digits"]
    assert digits and digits["n_scored"] == digits["parent"] == meta["metrics"]["n_images"]
    (done,) = [event for event in two_stage_retrain.events if event["event"] == "done"]
    assert done["metrics_learned_digits"] == digits


def test_a_retrain_whose_report_photos_chose_the_carried_refiner_says_so(tmp_path, two_stage_digits):
    # A retrain from the bundled pets model on its own photos validates on the 41 photos its refiner chose its
    # epoch and variant on: its figures "on the report part" were on photos that chose the refiner.
    from petloc_gui.app.model_metrics import chose_epoch
    from petloc_gui.core.digits import write_digits_dataset

    data = tmp_path / "data"
    write_digits_dataset(data, "train", count=20, seed=0)
    meta = json.loads((two_stage_digits / "meta.json").read_text())
    meta["validation_split"]["images"] = sorted(p.name for p in data.glob("*.png"))  # it chose on every one
    (two_stage_digits / "meta.json").write_text(json.dumps(meta))
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.25,
                         init_from=str(two_stage_digits), out_dir=str(tmp_path / "child"))
    child = json.loads((train(data, config) / "meta.json").read_text())

    assert child["refine"]["selection"]["images"] == meta["validation_split"]["images"]
    assert child["validation_parts"]["report"]  # the run held some out to report on: every one chose the refiner
    assert child["metrics"]["split"].startswith("selection set (first stage + refiner")
    assert chose_epoch(child["metrics"]) is True
