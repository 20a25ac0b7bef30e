"""A version trained in the window had no model.tflite: the window imported TensorFlow to load it (seconds of
frozen window and waiting). The training child now writes its own .tflite files, checked against the Keras
model and recorded in its meta.json (`model.version_tflite`), so the window runs it with LiteRT; a conversion
or check that fails leaves the version as before, said on the log, and never fails the run."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.lite_bundle import lite_servable
from petloc_gui.model.version_tflite import add_verified_tflite

from .conftest import bundle_meta, constant_model

pytestmark = pytest.mark.slow


def test_a_version_trained_in_the_window_runs_without_tensorflow(tmp_path, capsys):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.model import train_worker

    data, out = tmp_path / "data", tmp_path / "out"
    write_digits_dataset(data, "train", count=40, seed=0)
    out.mkdir()
    args = train_worker.parse_args(["--data", str(data), "--preset", "digits", "--out", str(out), "--epochs", "1",
                                    "--batch-size", "8", "--nice", "0", "--no-compare"])
    train_worker.run_real(args, lambda event: None, lambda: False)
    assert (out / "model.tflite").is_file() and lite_servable(out)
    assert set(json.loads((out / "meta.json").read_text())["tflite"]) == {"model.tflite"}
    assert "model.tflite written and checked against the Keras model" in capsys.readouterr().err


@pytest.fixture
def bundle(tmp_path):
    from petloc_gui.model.bundle_write import save_bundle

    return save_bundle(constant_model(), bundle_meta(), tmp_path / "constant")


@pytest.mark.parametrize("broken", ["write_tflite", "verify_tflite"])
def test_a_failed_conversion_or_check_leaves_the_version_as_it_was(bundle, monkeypatch, broken):
    from petloc_gui.model import runtime

    def fails(*args, **kwargs):
        if broken == "write_tflite":
            raise RuntimeError("the converter crashed")
        raise ValueError("tflite-xnnpack differs from Keras by 3.00e-01 (> 0.0001)")

    if broken == "verify_tflite":  # the file is written, then found wrong
        monkeypatch.setattr(runtime, "verify_tflite", fails)
    else:
        monkeypatch.setattr(runtime, "write_tflite", fails)
    meta_before = (bundle / "meta.json").read_bytes()
    said: list[str] = []
    assert add_verified_tflite(bundle, said.append) == []
    assert sorted(p.name for p in bundle.iterdir()) == ["meta.json", "model.keras"]
    assert (bundle / "meta.json").read_bytes() == meta_before
    [line] = said
    assert "no TFLite file the window can run without TensorFlow" in line and "loads through TensorFlow" in line


def test_a_fine_tune_s_carried_refiner_is_checked_as_it_is(tmp_path):
    """A pets fine-tune carries its parent's refine.keras and refine.tflite (`carried_refiner`): its own
    first stage is converted, the carried refiner's file checked and recorded as it is."""
    folder = shutil.copytree(resources_dir() / "models" / "pets", tmp_path / "pets-fine-tuned")
    (folder / "model.tflite").unlink()  # as save_bundle writes a fine-tune: the refiner's files copied in
    meta = json.loads((folder / "meta.json").read_text())
    del meta["tflite"]
    (folder / "meta.json").write_text(json.dumps(meta))
    carried = (folder / "refine.tflite").read_bytes()
    assert not lite_servable(folder)
    assert add_verified_tflite(folder, lambda line: None) == ["model.tflite", "refine.tflite"]
    assert (folder / "refine.tflite").read_bytes() == carried and lite_servable(folder)
