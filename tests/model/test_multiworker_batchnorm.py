"""BatchNorm under a distribution strategy: synchronised, so every worker ends with the chief's model."""

from __future__ import annotations

import numpy as np
import pytest

from tests.model.test_multiworker import _finish, _pipes, _start_workers

# Runs `petloc train` keeping this worker's scratch bundle (a non-chief saves one, then deletes it).
KEEP_SCRATCH = """
import os, sys, types
import petloc_gui.model.training as training

class Keep:
    def __init__(self, *args, **kwargs):
        self.folder = os.environ["KEEP_DIR"]
        os.makedirs(self.folder, exist_ok=True)
    def __enter__(self):
        return self.folder
    def __exit__(self, *exc):
        return False

training.tempfile = types.SimpleNamespace(TemporaryDirectory=Keep)
from petloc_gui.cli.main import main
sys.exit(main())
"""


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
def test_two_workers_end_with_the_same_batchnorm_statistics(tmp_path, monkeypatch):
    """Each worker kept the moving mean/variance of its own half of every batch (up to 0.11 apart
    after a few epochs), so the chief's bundle had its half's, and the other worker printed figures
    that were not the bundle's."""
    import keras

    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model.bundle_check import model_file_problem
    from petloc_gui.model.inference import Predictor

    data = tmp_path / "digits"
    write_digits_dataset(data, "train", count=40, seed=0)
    script = tmp_path / "keep_scratch.py"
    script.write_text(KEEP_SCRATCH)
    monkeypatch.setenv("KEEP_DIR", str(tmp_path / "scratch"))
    results = _finish(_start_workers(data, tmp_path, 1, _pipes, launcher=lambda index: str(script) if index else None))
    for code, _, err in results:
        assert code == 0, err[-3000:]
    chief = results[0][1].strip().splitlines()[-1]
    models = [keras.saving.load_model(f"{folder}/model.keras", compile=False)
              for folder in (chief, tmp_path / "scratch" / "bundle")]
    pairs = list(zip(*(_bn_layers(model) for model in models), strict=True))
    assert len(pairs) == 4
    for mine, theirs in pairs:
        for a, b in zip(mine.get_weights(), theirs.get_weights(), strict=True):  # gamma, beta, moving mean/var
            np.testing.assert_allclose(a, b, rtol=0, atol=1e-6, err_msg=mine.name)
    # the bundle loads and predicts in a plain process, and the window's check of its config accepts it
    assert model_file_problem(chief) is None
    [prediction] = Predictor(chief).predict_paths([sorted(data.glob("*.png"))[0]])
    assert prediction.label in [str(d) for d in range(10)]
