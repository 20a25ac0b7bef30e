"""The window's model factory runs a bundle on its .tflite files with LiteRT, without TensorFlow, only when
its meta.json records them as its .keras files converted and checked; any other bundle (no record, a
record of other files) takes today's path: TensorFlow imported up front, as a step the window can quit
during, then the Keras bundle, whose runners are checked at load."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from petloc_gui.core.paths import resources_dir

from .conftest import write_image


@pytest.fixture
def keras_path(monkeypatch):
    """Today's path stood in for (no TensorFlow): what it was asked for, in order ("import" for the up-front
    step, then the folder of each bundle loaded through Keras)."""
    from petloc_gui.ui.models import model_handle, tensorflow_import

    asked: list[str] = []

    class KerasPredictor:
        class_names = tuple(str(n) for n in range(10))

        def predict_paths(self, paths):
            return []

    def keras_predictor(spec):
        asked.append(Path(spec).name)
        return KerasPredictor()

    monkeypatch.setattr(tensorflow_import, "import_tensorflow", lambda: asked.append("import"))
    monkeypatch.setattr(model_handle, "_keras_predictor", keras_predictor)
    return asked


def digits_copy(into: Path, keras_sha256: str | None) -> Path:
    """The bundled digits model copied, its record naming another model.keras (or none, with None)."""
    folder = Path(shutil.copytree(resources_dir() / "models" / "digits", into / "digits-copy"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if keras_sha256 is None:
        del meta["tflite"]
    else:
        meta["tflite"]["model.tflite"]["keras_sha256"] = keras_sha256
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_a_bundled_model_runs_without_the_keras_path(keras_path, tmp_path):
    from petloc_gui.ui.models.model_handle import RealModelHandle
    from petloc_gui.ui.models.tensorflow_import import import_tensorflow_for

    assert import_tensorflow_for("pets") is False
    handle = RealModelHandle("pets")
    write_image(tmp_path / "a.jpg", size=(300, 200))
    [prediction] = handle.predict_paths([tmp_path / "a.jpg"])
    assert prediction.label in ("cat", "dog") and 0 <= prediction.box.xmin < prediction.box.xmax <= 300
    assert keras_path == []  # neither TensorFlow's import nor the Keras bundle


@pytest.mark.parametrize("keras_sha256", [None, "0" * 64], ids=["no record", "the record of another model.keras"])
def test_a_bundle_without_its_record_goes_the_keras_way(keras_path, tmp_path, keras_sha256):
    from petloc_gui.ui.models.model_handle import RealModelHandle
    from petloc_gui.ui.models.tensorflow_import import import_tensorflow_for

    folder = digits_copy(tmp_path, keras_sha256)
    assert import_tensorflow_for(str(folder)) is True
    RealModelHandle(str(folder))
    assert keras_path == ["import", folder.name]


def test_a_recorded_bundle_whose_tflite_does_not_fit_meta_json_imports_tensorflow_as_a_step(keras_path, tmp_path):
    """Its record matches, but meta.json names 11 classes and model.tflite gives 10: the LiteRT path refuses
    it, so TensorFlow's import must be the step the window can quit during, not part of the factory's call."""
    from petloc_gui.ui.models.model_handle import RealModelHandle
    from petloc_gui.ui.models.tensorflow_import import import_tensorflow_for

    folder = Path(shutil.copytree(resources_dir() / "models" / "digits", tmp_path / "eleven"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["class_names"].append("extra")
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert import_tensorflow_for(str(folder)) is True
    RealModelHandle(str(folder))
    assert keras_path == ["import", folder.name]


def test_the_predictor_built_to_tell_is_the_one_the_factory_serves(keras_path, monkeypatch):
    from petloc_gui.model import lite_bundle
    from petloc_gui.ui.models.model_handle import RealModelHandle
    from petloc_gui.ui.models.tensorflow_import import import_tensorflow_for

    built = []
    load = lite_bundle.load_lite_predictor
    monkeypatch.setattr(lite_bundle, "load_lite_predictor", lambda spec: built.append(load(spec)) or built[-1])
    assert import_tensorflow_for("digits") is False
    handle = RealModelHandle("digits")
    assert len(built) == 1 and handle._predictor is built[0]  # the interpreters are not built twice
    RealModelHandle("digits")
    assert len(built) == 2  # taken once: a later load builds its own


def test_the_window_imports_tensorflow_up_front_for_the_first_model_that_needs_it(qtbot, keras_path, tmp_path):
    from petloc_gui.ui.models.model_handle import load_model_handle
    from petloc_gui.ui.models.prediction_service import PredictionService

    service = PredictionService(load_model_handle)
    try:
        with qtbot.waitSignal(service.model_loaded, timeout=10_000):
            service.set_model("digits")
        assert keras_path == []
        needs = digits_copy(tmp_path, None)
        with qtbot.waitSignal(service.model_loaded, timeout=10_000):
            service.set_model(str(needs))
        assert keras_path == ["import", needs.name]  # the import a step of its own, which the window can quit during
        with qtbot.waitSignal(service.model_loaded, timeout=10_000):
            service.set_model("pets")
        with qtbot.waitSignal(service.model_loaded, timeout=10_000):
            service.set_model(str(needs))
        assert keras_path == ["import", needs.name, needs.name]  # imported once
    finally:
        service.shutdown()
