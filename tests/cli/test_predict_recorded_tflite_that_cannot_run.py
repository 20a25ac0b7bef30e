"""A bundle whose meta.json records a .tflite that LiteRT cannot run, or that does not fit meta.json, still
predicts through Keras, as the window does (`lite_bundle.lite_predictor_or_none`): a flatbuffer converted
by a newer TensorFlow copied to a machine whose LiteRT lacks an op version, or another model's .tflite with its
record rewritten. Before, `petloc predict` stopped on "unexpected error: ValueError: The model is not a valid
Flatbuffer buffer" (exit 1) where the Keras path had given the right prediction."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.cli import model_loading
from petloc_gui.core.paths import resources_dir
from petloc_gui.model.tflite_provenance import RECORD_KEY, SHA
from tests.cli.helpers import json_lines, run_cli, write_image


def _recorded(folder: Path, content: bytes) -> None:
    """``content`` written as the bundle's model.tflite, its record's sha256 made to match it."""
    (folder / "model.tflite").write_bytes(content)
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta[RECORD_KEY]["model.tflite"][SHA] = hashlib.sha256(content).hexdigest()
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")


@pytest.mark.parametrize("tflite", ["not a flatbuffer", "the pets model's"])
def test_a_recorded_tflite_that_cannot_run_predicts_through_keras_the_same(tmp_path, capsys, monkeypatch, tflite):
    photos = tmp_path / "photos"
    photos.mkdir()
    for i, color in enumerate([(250, 250, 250), (30, 30, 30), (120, 200, 40)]):
        write_image(photos / f"p{i}.png", 75 + 25 * i, 75, color)
    loads: list[str] = []
    load_tensorflow = model_loading.load_tensorflow
    monkeypatch.setattr(model_loading, "load_tensorflow", lambda: loads.append("tensorflow") or load_tensorflow())
    code, shipped_out, err = run_cli(capsys, "predict", photos, "--model", "digits", "--json")
    assert code == 0, err

    models = resources_dir() / "models"
    folder = Path(shutil.copytree(models / "digits", tmp_path / "copy"))
    pets = (models / "pets" / "model.tflite").read_bytes()
    _recorded(folder, b"not a flatbuffer" * 100 if tflite == "not a flatbuffer" else pets)
    code, copy_out, err = run_cli(capsys, "predict", photos, "--model", folder, "--json")

    assert code == 0, err
    assert loads == ["tensorflow"]  # the Keras load, which checks the .tflite against model.keras
    assert json_lines(copy_out) == json_lines(shipped_out) and len(json_lines(copy_out)) == 3
