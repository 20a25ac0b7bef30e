"""A bundle that does not run on LiteRT (no record of its .tflite files, a record of another model.keras, a
flatbuffer that does not fit meta.json) was looked at twice per load on the prediction worker: once to tell
whether TensorFlow must be imported (`model_handle.lite_predictor_ahead`), once more by the factory's load
(`RealModelHandle`), each hashing the bundle's files and building the LiteRT interpreters (10-30 ms each). The
"no" is remembered for the same files (their fingerprint, as the predictor built ahead is kept by); files
changed since are looked at again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir


@pytest.fixture
def looks(monkeypatch):
    """The LiteRT path's looks at a bundle (each hashes its files and builds the interpreters), by folder name;
    the Keras path stood in for (no TensorFlow): "keras <folder name>" for each bundle it loads."""
    from petloc_gui.model import lite_bundle
    from petloc_gui.ui.models import model_handle

    asked: list[str] = []
    load = lite_bundle.load_lite_predictor

    def counted(spec):
        asked.append(Path(spec).name)
        return load(spec)

    class KerasPredictor:
        class_names = tuple(str(n) for n in range(10))

    def keras_predictor(spec):
        asked.append(f"keras {Path(spec).name}")
        return KerasPredictor()

    monkeypatch.setattr(lite_bundle, "load_lite_predictor", counted)
    monkeypatch.setattr(model_handle, "_keras_predictor", keras_predictor)
    return asked


def digits_copy(into: Path, change) -> tuple[Path, str]:
    """The bundled digits model copied as ``into``/copy, its meta.json changed by ``change`` (called with it):
    the folder, and its meta.json as bundled (a record that matches)."""
    folder = Path(shutil.copytree(resources_dir() / "models" / "digits", into / "copy"))
    bundled = (folder / "meta.json").read_text(encoding="utf-8")
    meta = json.loads(bundled)
    change(meta)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder, bundled


KERAS_ONLY = {
    "no record": lambda meta: meta.pop("tflite"),
    "the record of another model.keras": lambda meta: meta["tflite"]["model.tflite"].update(keras_sha256="0" * 64),
    "a flatbuffer that does not fit meta.json": lambda meta: meta["class_names"].append("extra"),  # raises
}


@pytest.mark.parametrize("change", KERAS_ONLY.values(), ids=KERAS_ONLY.keys())
def test_a_bundle_that_needs_keras_is_looked_at_once_per_load(looks, tmp_path, change):
    from petloc_gui.ui.models.model_handle import RealModelHandle, lite_predictor_ahead

    folder, _ = digits_copy(tmp_path, change)
    assert lite_predictor_ahead(str(folder)) is False
    RealModelHandle(str(folder))
    assert looks == ["copy", "keras copy"]  # the factory's load knew the answer: not hashed and built again
    assert lite_predictor_ahead(str(folder)) is False  # chosen again (F5, a switch back): still known
    RealModelHandle(str(folder))
    assert looks == ["copy", "keras copy", "keras copy"]


def test_files_changed_after_the_answer_are_looked_at_again(looks, tmp_path):
    from petloc_gui.ui.models.model_handle import RealModelHandle, lite_predictor_ahead

    folder, bundled = digits_copy(tmp_path, KERAS_ONLY["no record"])
    assert lite_predictor_ahead(str(folder)) is False
    (folder / "meta.json").write_text(bundled, encoding="utf-8")  # its record back: it runs on LiteRT now
    RealModelHandle(str(folder))
    assert looks == ["copy", "copy"]  # looked at again, and served by LiteRT (not the Keras path)
    (folder / "meta.json").write_text(json.dumps({**json.loads(bundled), "tflite": {}}), encoding="utf-8")
    RealModelHandle(str(folder))  # no record again: a no is not taken from the yes before
    assert looks == ["copy", "copy", "copy", "keras copy"]
