"""BatchNorm under a distribution strategy: synchronised, so every worker ends with the chief's model."""

from __future__ import annotations

import numpy as np
import pytest


def _bn_layers(model):
    return [layer for layer in model.layers if layer.name.endswith("_bn")]


def test_a_single_machine_model_keeps_plain_batchnorm():
    """Only a distributed run synchronises: single-machine training builds the network as before."""
    from petloc_gui.model.networks import build_model
    from petloc_gui.model.presets import get_preset

    preset = get_preset("digits")
    assert [layer.synchronized for layer in _bn_layers(build_model(preset, 3))] == [False] * 4
    assert [layer.synchronized for layer in _bn_layers(build_model(preset, 3, synchronized_bn=True))] == [True] * 4


@pytest.mark.slow
def test_two_workers_end_with_the_same_batchnorm_statistics(two_worker_run):
    """Each worker kept the moving mean/variance of its own half of every batch (up to 0.11 apart
    after a few epochs), so the chief's bundle had its half's, and the other worker printed figures
    that were not the bundle's."""
    import keras

    from petloc_gui.model.bundle_check import model_file_problem
    from petloc_gui.model.inference import Predictor

    # worker 1 kept its scratch bundle (tests/model/multiworker_run.py)
    data, results = two_worker_run.data, two_worker_run.results
    for code, _, err in results:
        assert code == 0, err[-3000:]
    chief = results[0][1].strip().splitlines()[-1]
    models = [keras.saving.load_model(f"{folder}/model.keras", compile=False)
              for folder in (chief, two_worker_run.scratch)]
    pairs = list(zip(*(_bn_layers(model) for model in models), strict=True))
    assert len(pairs) == 4
    for mine, theirs in pairs:
        for a, b in zip(mine.get_weights(), theirs.get_weights(), strict=True):  # gamma, beta, moving mean/var
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-6, err_msg=mine.name)
    # the bundle loads and predicts in a plain process, and the window's check of its config accepts it
    assert model_file_problem(chief) is None
    [prediction] = Predictor(chief).predict_paths([sorted(data.glob("*.png"))[0]])
    assert prediction.label in [str(d) for d in range(10)]
