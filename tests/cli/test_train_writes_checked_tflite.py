"""A bundle `petloc train` wrote had no model.tflite nor meta.json's ``tflite`` record, which a version retrained in
the window gets (`model.version_tflite`): the window imported TensorFlow to load it (seconds of frozen window).
`petloc train` now writes them too once its bundle is saved; a conversion that fails leaves the bundle as it was,
said in one line, and never fails the run; ``--no-tflite`` skips it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def digits_folder(tmp_path_factory):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path_factory.mktemp("digits")
    write_digits_dataset(folder, "train", 32, seed=2)
    return folder


def _train(capsys, data: Path, out: Path, *extra) -> tuple[Path, str]:
    code, stdout, stderr = run_cli(capsys, "train", data, "--preset", "digits", "--out", out, "--epochs", "1",
                                   "--batch-size", "8", "--json", *extra)
    assert code == 0, stderr
    bundle = Path(json.loads(stdout.strip().splitlines()[-1])["bundle"])
    assert bundle.parent == out and (bundle / "model.keras").is_file()
    return bundle, stderr


def _keras_predictions(bundle: Path, images: list[Path]):
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.inference import Predictor, function_runner

    loaded = load_bundle(bundle)
    return Predictor(loaded, runner=function_runner(loaded.model)).predict_paths(images)  # the Keras model itself


def test_a_bundle_petloc_train_writes_runs_with_litert_as_its_keras_model_predicts(digits_folder, tmp_path, capsys):
    from petloc_gui.model.lite_bundle import lite_servable, load_lite_predictor

    bundle, stderr = _train(capsys, digits_folder, tmp_path / "models")
    assert lite_servable(bundle)
    assert set(json.loads((bundle / "meta.json").read_text(encoding="utf-8"))["tflite"]) == {"model.tflite"}
    [line] = [line for line in stderr.splitlines() if "model.tflite" in line]
    assert "model.tflite written and checked against the Keras model" in line
    images = sorted(digits_folder.glob("*.png"))[:4]
    lite = load_lite_predictor(bundle)
    assert lite is not None
    for got, want in zip(lite.predict_paths(images), _keras_predictions(bundle, images), strict=True):
        assert got.label == want.label
        assert got.confidence == pytest.approx(want.confidence, abs=1e-4)
        assert [got.box.xmin, got.box.ymin, got.box.xmax, got.box.ymax] == pytest.approx(
            [want.box.xmin, want.box.ymin, want.box.xmax, want.box.ymax], abs=0.05)
    assert not [p.name for p in bundle.iterdir() if p.name.startswith(".") or p.suffix == ".tmp"]


def test_a_failed_conversion_leaves_the_bundle_loadable_without_a_record(digits_folder, tmp_path, capsys,
                                                                       monkeypatch):
    from petloc_gui.model import runtime
    from petloc_gui.model.lite_bundle import lite_servable

    def crashes(*args, **kwargs):
        raise RuntimeError("the converter crashed\n  at op 'conv2d'\n  (loc: model.keras)")

    monkeypatch.setattr(runtime, "write_tflite", crashes)
    bundle, stderr = _train(capsys, digits_folder, tmp_path / "models")
    assert sorted(p.name for p in bundle.iterdir()) == ["meta.json", "model.keras"]
    assert "tflite" not in json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    assert not lite_servable(bundle)
    [line] = [line for line in stderr.splitlines() if "TFLite" in line or "converter" in line]
    assert line.startswith("petloc: warning: the new model has no TFLite file"), line
    assert "the converter crashed ..." in line and "loads through TensorFlow" in line
    # the reason's first line alone: the converter's pages of MLIR never reach the terminal, flattened or not
    assert "conv2d" not in stderr, stderr
    assert "(loc: model.keras)" not in stderr, stderr
    assert "Traceback" not in stderr
    images = sorted(digits_folder.glob("*.png"))[:2]
    assert all(p.has_class for p in _keras_predictions(bundle, images))


def test_no_tflite_writes_the_bundle_alone(digits_folder, tmp_path, capsys, monkeypatch):
    from petloc_gui.model import runtime

    def never(*args, **kwargs):
        raise AssertionError("--no-tflite converted")

    monkeypatch.setattr(runtime, "write_tflite", never)
    bundle, stderr = _train(capsys, digits_folder, tmp_path / "models", "--no-tflite")
    assert sorted(p.name for p in bundle.iterdir()) == ["meta.json", "model.keras"]
    assert "tflite" not in json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    assert "TFLite" not in stderr and "model.tflite" not in stderr
