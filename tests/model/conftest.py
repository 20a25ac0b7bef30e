"""Fixtures of the model tests: tiny deterministic Keras models saved as bundles."""

from __future__ import annotations

import math

import pytest

KNOWN_BOX = (0.25, 0.1, 0.75, 0.6)  # normalised [xmin, ymin, xmax, ymax]


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def constant_model(input_size=(64, 48), n_classes=2, box=KNOWN_BOX, favourite=1):
    """A model whose outputs do not depend on the image: ``box`` and class ``favourite`` (p ~ 0.88)."""
    import keras
    from keras import layers

    width, height = input_size
    inputs = keras.Input((height, width, 3))
    pooled = layers.GlobalAveragePooling2D()(inputs)
    class_bias = [2.0 if i == favourite else 0.0 for i in range(n_classes)]
    probs = layers.Dense(n_classes, activation="softmax", name="class", kernel_initializer="zeros",
                         bias_initializer=keras.initializers.Constant(class_bias))(pooled)
    out_box = layers.Dense(4, activation="sigmoid", name="box", kernel_initializer="zeros",
                           bias_initializer=keras.initializers.Constant([_logit(v) for v in box]))(pooled)
    return keras.Model(inputs, [probs, out_box])


def bundle_meta(preset="digits", class_names=("cat", "dog"), input_size=(64, 48)):
    return {"format_version": 1, "preset": preset, "class_names": list(class_names),
            "input_size": list(input_size), "channels": 3}


@pytest.fixture
def constant_bundle(tmp_path):
    """A saved bundle of `constant_model` (preset "digits", classes cat/dog, input 64x48)."""
    from petloc_gui.model.bundle_write import save_bundle

    return save_bundle(constant_model(), bundle_meta(), tmp_path / "constant")


@pytest.fixture
def scored(monkeypatch):
    """The retrain comparison's scoring stood in for by 0.5 everywhere (the real scoring is the inference
    path, tested elsewhere): for tests of what the comparison says about the images, not its figures."""
    from petloc_gui.model import comparison

    def score(spec, chosen, subset=None, renamed=None):
        figures = {"n_images": len(chosen), "accuracy": 0.5, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5}
        return {**figures, "subset": dict(figures)} if subset else figures

    monkeypatch.setattr(comparison, "score_model", score)


@pytest.fixture(scope="session")
def two_worker_run(tmp_path_factory):
    """One two-worker cluster run of `petloc train` (tests/model/multiworker_run.py), for the tests that
    check different facts of it."""
    from tests.model.multiworker_run import run_two_workers

    return run_two_workers(tmp_path_factory.mktemp("two_workers"))


@pytest.fixture(scope="session")
def two_stage_retrain(tmp_path_factory):
    """One retrain from a two-stage digits bundle (tests/model/two_stage_retrain.py), for the tests that check
    different facts of it."""
    from tests.model.two_stage_retrain import run_two_stage_retrain

    return run_two_stage_retrain(tmp_path_factory.mktemp("two_stage_retrain"))
