"""A two-stage bundle whose refiner is not square: meta.json's ``refine.input_size`` is [width, height], as its
``input_size`` is, and the Keras load (`bundle.refine_input_size`) and the LiteRT one (`lite_bundle`) both check
the refiner's input against it as (height, width). Every bundled refiner is 192x192, where either order passes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from petloc_gui.model.bundle import BundleError, load_bundle, refine_input_size
from petloc_gui.model.inference import Predictor, function_runner
from petloc_gui.model.lite_bundle import load_lite_predictor
from petloc_gui.model.version_tflite import add_verified_tflite

from .conftest import bundle_meta, constant_model

pytestmark = pytest.mark.slow

REFINE_SIZE = (192, 160)  # (width, height): a landscape crop, the refiner's Keras input (160, 192, 3)


def test_refine_input_size_is_width_then_height(tmp_path):
    assert refine_input_size({"input_size": [192, 160]}, tmp_path) == (192, 160)


@pytest.fixture(scope="module")
def two_stage(tmp_path_factory) -> Path:
    """A bundle of `constant_model` with a 192x160 constant refiner, its .tflite files converted, checked and
    recorded (`add_verified_tflite` loads it through Keras first)."""
    from petloc_gui.model.bundle_write import save_bundle

    root = tmp_path_factory.mktemp("non_square")
    refiner = constant_model(input_size=REFINE_SIZE, box=(0.3, 0.2, 0.7, 0.8))
    refiner.save(root / "refine.keras")
    meta = {**bundle_meta(), "refine": {"model_file": "refine.keras", "input_size": list(REFINE_SIZE),
                                        "margin": 1.5, "passes": 1}}
    folder = save_bundle(constant_model(), meta, root / "bundle", extra_files={"refine.keras": root / "refine.keras"})
    assert add_verified_tflite(folder, lambda line: None) == ["model.tflite", "refine.tflite"]
    return folder


def _photo(folder: Path) -> Path:
    path = folder / "photo.png"
    Image.fromarray(np.random.default_rng(0).integers(0, 255, (120, 200, 3), dtype=np.uint8)).save(path)
    return path


def test_a_non_square_refiner_loads_and_runs_through_keras_and_litert_alike(two_stage, tmp_path):
    loaded = load_bundle(two_stage)
    assert tuple(int(v) for v in loaded.refiner.inputs[0].shape[1:3]) == (160, 192)
    lite = load_lite_predictor(two_stage)
    assert lite is not None and lite.refine is not None and lite.refine.input_size == REFINE_SIZE
    keras_predictor = Predictor(loaded, runner=function_runner(loaded.model))
    [got] = lite.predict_paths([_photo(tmp_path)])
    [want] = keras_predictor.predict_paths([_photo(tmp_path)])
    assert got.label == want.label
    assert [got.box.xmin, got.box.ymin, got.box.xmax, got.box.ymax] == pytest.approx(
        [want.box.xmin, want.box.ymin, want.box.xmax, want.box.ymax], abs=0.02)


def test_a_refine_input_size_given_height_first_is_refused_by_both_loads(two_stage, tmp_path):
    folder = Path(shutil.copytree(two_stage, tmp_path / "swapped"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["refine"]["input_size"] = [160, 192]
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(BundleError, match=r"refine\.keras input does not match .* input_size \[160, 192\]"):
        load_bundle(folder)
    with pytest.raises(BundleError, match=r"refine\.tflite takes .*meta\.json says \(192, 160\)"):
        load_lite_predictor(folder)
