"""A bundle's own .tflite files run with LiteRT, without TensorFlow (`model.lite_bundle`), only when its
meta.json records them as converted from exactly the .keras files beside them and checked
(`model.tflite_provenance`): with no record, a record of other files, either file changed since, or no
LiteRT, there is no such predictor and the caller loads the bundle through Keras, which checks them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model import lite_bundle
from petloc_gui.model.lite_bundle import lite_servable, load_lite_predictor
from petloc_gui.model.tflite_provenance import RECORD_KEY

ROOT = Path(__file__).resolve().parents[2]


def copy_bundle(name: str, into: Path) -> Path:
    """A copy of a bundled model (its record and files as shipped) in a folder of its own."""
    return Path(shutil.copytree(resources_dir() / "models" / name, into / name))


def edit_meta(folder: Path, change) -> None:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    change(meta)
    (folder / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")


def test_the_bundled_models_carry_the_record_of_their_tflite_files():
    for name in ("digits", "pets"):
        assert lite_servable(name), name
    predictor = load_lite_predictor("pets")
    assert predictor is not None and predictor.bundle.model is None  # no Keras model behind it
    assert predictor.refine is not None and predictor.refine.input_size == (192, 192)  # both stages
    assert "LiteRT" in predictor._runner.source


@pytest.mark.parametrize("spoil", [
    pytest.param(lambda folder: edit_meta(folder, lambda meta: meta.pop(RECORD_KEY)), id="no record"),
    pytest.param(lambda folder: edit_meta(folder, lambda meta: meta[RECORD_KEY]["model.tflite"].update(
        keras_sha256="0" * 64)), id="the record names another model.keras"),
    pytest.param(lambda folder: edit_meta(folder, lambda meta: meta[RECORD_KEY]["model.tflite"].update(
        sha256="0" * 64)), id="the record names another model.tflite"),
    pytest.param(lambda folder: edit_meta(folder, lambda meta: meta.update({RECORD_KEY: ["model.tflite"]})),
                 id="a damaged record"),
    pytest.param(lambda folder: (folder / "model.keras").write_bytes((folder / "model.keras").read_bytes() + b"\0"),
                 id="model.keras changed since"),
    pytest.param(lambda folder: (folder / "model.tflite").write_bytes((folder / "model.tflite").read_bytes()[:-1]),
                 id="model.tflite changed since"),
    pytest.param(lambda folder: (folder / "model.tflite").unlink(), id="no model.tflite"),
])
def test_a_tflite_not_recorded_as_its_keras_converted_is_not_run_alone(tmp_path, spoil):
    folder = copy_bundle("digits", tmp_path)
    assert load_lite_predictor(folder) is not None  # the copy as shipped: run alone
    spoil(folder)
    assert not lite_servable(folder)
    assert load_lite_predictor(folder) is None


def test_a_two_stage_bundle_needs_its_refiner_recorded_too(tmp_path):
    folder = copy_bundle("pets", tmp_path)
    edit_meta(folder, lambda meta: meta[RECORD_KEY].pop("refine.tflite"))
    assert load_lite_predictor(folder) is None  # its first stage alone would give other boxes
    folder = copy_bundle("pets", tmp_path / "again")
    (folder / "refine.keras").write_bytes((folder / "refine.keras").read_bytes() + b"\0")
    assert load_lite_predictor(folder) is None


@pytest.mark.parametrize("model_file", ["../pets/refine.keras", "refine.h5"])
def test_a_refiner_file_the_keras_load_refuses_is_not_run_alone(tmp_path, model_file):
    """meta.json's refine.model_file outside the folder (its hash matching): `petloc predict` refuses the
    bundle ("meta.json refine names an invalid model file"), so the window may not run it with LiteRT."""
    folder = copy_bundle("pets", tmp_path)  # "../pets/refine.keras": its own refine.keras, the one recorded
    shutil.copy(folder / "refine.keras", folder / "refine.h5")
    edit_meta(folder, lambda meta: meta["refine"].update(model_file=model_file))
    from petloc_gui.model.bundle_check import model_file_problem

    assert "invalid model file" in str(model_file_problem(folder))
    assert not lite_servable(folder)
    assert load_lite_predictor(folder) is None


def test_without_litert_the_bundle_goes_through_keras(monkeypatch):
    monkeypatch.setattr(lite_bundle, "litert_installed", lambda: False)
    assert not lite_servable("digits") and load_lite_predictor("digits") is None


@pytest.mark.parametrize(("change", "refusal"), [
    pytest.param(lambda meta: meta.update(input_size=[64, 64]), "takes", id="another input size"),
    pytest.param(lambda meta: meta["class_names"].append("extra"), "predicts 10 classes but meta.json names 11",
                 id="another number of classes"),
])
def test_a_recorded_tflite_that_does_not_fit_meta_json_is_refused(tmp_path, change, refusal):
    folder = copy_bundle("digits", tmp_path)
    edit_meta(folder, change)
    from petloc_gui.model.bundle import BundleError

    with pytest.raises(BundleError, match=refusal):
        load_lite_predictor(folder)
    assert not lite_servable(folder)  # its load goes through Keras, after TensorFlow's import as a step


def test_predicting_with_it_imports_neither_tensorflow_nor_keras(tmp_path):
    import numpy as np
    from PIL import Image

    photo = tmp_path / "photo.jpg"
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (375, 500, 3), dtype=np.uint8)).save(photo)
    code = textwrap.dedent(f"""
        import sys
        from petloc_gui.model.lite_bundle import load_lite_predictor
        for name in ("digits", "pets"):
            [prediction] = load_lite_predictor(name).predict_paths([{str(photo)!r}])
            assert prediction.label, prediction
        print(sorted(m for m in ("tensorflow", "keras") if m in sys.modules))
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
