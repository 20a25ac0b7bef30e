"""The real model handle names its model files for the predictions kept on disk, and names none when
the bundle changed while it loaded (what was loaded may be either bundle)."""

from __future__ import annotations

import shutil

import pytest

from petloc_gui.app.prediction_disk_cache import model_fingerprint
from petloc_gui.core.paths import resources_dir


@pytest.fixture
def bundle(tmp_path, monkeypatch):
    """A copy of the digits bundle's meta.json beside a stand-in model.keras, loaded with no TensorFlow:
    ``loading`` (a list) holds what happens to the files while the model loads."""
    import petloc_gui.cli.output as output
    import petloc_gui.model.bundle as bundle_module
    import petloc_gui.model.inference as inference

    folder = tmp_path / "bundle"
    folder.mkdir()
    shutil.copy(resources_dir() / "models" / "digits" / "meta.json", folder / "meta.json")
    (folder / "model.keras").write_bytes(b"weights 1")
    loading: list = []

    class Predictor:
        def __init__(self, loaded) -> None:
            for change in loading:
                change(folder)

    monkeypatch.setattr(output, "load_tensorflow", lambda: None)
    monkeypatch.setattr(output, "quiet_tensorflow", lambda: None)
    monkeypatch.setattr(bundle_module, "load_bundle", lambda spec: None)
    monkeypatch.setattr(inference, "Predictor", Predictor)
    return folder, loading


def test_a_loaded_model_has_the_fingerprint_of_its_files(bundle):
    from petloc_gui.ui.models.model_handle import RealModelHandle

    folder, _ = bundle
    handle = RealModelHandle(str(folder))
    assert handle.fingerprint is not None and handle.fingerprint == model_fingerprint(folder)


def test_a_bundle_replaced_while_it_loads_has_no_fingerprint(bundle):
    from petloc_gui.ui.models.model_handle import RealModelHandle

    folder, loading = bundle
    loading.append(lambda folder: (folder / "model.keras").write_bytes(b"weights 2, retrained"))
    assert RealModelHandle(str(folder)).fingerprint is None


def test_the_fingerprint_before_loading_is_the_loaded_models(bundle):
    """What the window shows while the model loads is kept under this: it must be the loaded model's."""
    from petloc_gui.ui.models.model_handle import RealModelHandle, bundle_fingerprint

    folder, _ = bundle
    assert bundle_fingerprint(str(folder)) is not None
    assert bundle_fingerprint(str(folder)) == RealModelHandle(str(folder)).fingerprint
    assert bundle_fingerprint(str(folder / "missing")) is None  # no bundle: nothing shown, its load says why
