"""A two-stage bundle whose meta.json ``refine.input_size`` is hand-edited to strings or decimals
(["192", "192"], [192.0, 192.0]), its model files untouched: the Keras load (`bundle._load_refiner`,
every command) refused it while the window ran it with LiteRT (`lite_bundle` turned each value into an
int). Both ask one rule now, so the window refuses it with the command's own words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model import bundle
from petloc_gui.model.bundle import BundleError
from petloc_gui.model.lite_bundle import lite_servable, load_lite_predictor


def pets_with_refine_size(size, into: Path) -> Path:
    folder = Path(shutil.copytree(resources_dir() / "models" / "pets", into / "pets"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["refine"]["input_size"] = size
    (folder / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return folder


def keras_refusal(folder: Path) -> str:
    """What the Keras load says of the bundle's refiner (its size is checked before Keras reads a file)."""
    meta = bundle.read_meta(folder)
    with pytest.raises(BundleError) as refused:
        bundle._load_refiner(folder, meta, None, len(meta["class_names"]))
    return str(refused.value)


@pytest.mark.parametrize("size", [["192", "192"], [192.0, 192.0], [True, 192], [192], [0, 192]])
def test_a_refine_size_the_keras_load_refuses_is_refused_by_litert_in_its_words(tmp_path, size):
    folder = pets_with_refine_size(size, tmp_path)
    refusal = keras_refusal(folder)
    assert "refine has an invalid input_size" in refusal
    assert not lite_servable(folder)
    with pytest.raises(BundleError) as refused:
        load_lite_predictor(folder)
    assert str(refused.value) == refusal


def test_the_shipped_refine_size_is_served_by_litert(tmp_path):
    folder = pets_with_refine_size([192, 192], tmp_path)
    predictor = load_lite_predictor(folder)
    assert predictor is not None and predictor.refine is not None
    assert predictor.refine.input_size == (192, 192)
