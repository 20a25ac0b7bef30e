"""A folder opened again is not predicted again: the window's predictions are kept on disk
(`app.prediction_disk_cache`) for the same image files and the same model files."""

from __future__ import annotations

import os

from petloc_gui.app.file_key import file_key
from petloc_gui.app.prediction_disk_cache import ModelFingerprint, PredictionDiskCache
from petloc_gui.ui.models.prediction_service import PredictionService

from .conftest import PRED, FakeFactory, FakeHandle, main_window_for_a_test, wait_predictions


class KeptFactory(FakeFactory):
    """Fake models whose files have a fingerprint, as real bundles (`model_handle.RealModelHandle`)."""

    files = "weights-1"

    def __call__(self, spec: str) -> FakeHandle:
        handle = super().__call__(spec)
        handle.fingerprint = ModelFingerprint(f"/models/{spec}", self.files)
        return handle


def _run(qtbot, folder, cache_dir, files="weights-1"):
    """One run of the window's prediction service over the folder (model "m"): what it predicted,
    and what the list had from the cache as soon as the model was there."""
    factory = KeptFactory(dict(PRED))
    factory.files = files
    service = PredictionService(factory, disk=PredictionDiskCache(cache_dir))
    keys = [file_key(path) for path in sorted(folder.glob("*.png"))]  # as the window reads them (`image_keys`)
    try:
        service.set_model("m")
        qtbot.waitUntil(lambda: service.version() is not None, timeout=5000)
        at_once = service.cached_many(keys)  # what the window's request_all does once the model is loaded
        service.request_background(keys)
        qtbot.waitUntil(lambda: len(service.cached_many(keys)) == len(keys), timeout=5000)
        qtbot.waitUntil(service.is_idle, timeout=5000)
    finally:
        service.shutdown()  # writes what was predicted
    predicted = sorted(name for call in factory.handles[-1].calls for name in call)
    return predicted, {os.path.basename(path): result.label for path, result in at_once.items()}


def test_reopening_a_folder_predicts_nothing_and_has_every_prediction_at_once(qtbot, folder, tmp_path):
    predicted, _ = _run(qtbot, folder, tmp_path / "cache")
    assert predicted == ["a.png", "b.png", "c.png", "d.png", "e.png"]
    predicted, at_once = _run(qtbot, folder, tmp_path / "cache")
    assert predicted == []
    assert at_once == {name: PRED[name].label for name in PRED}


def test_a_changed_image_is_predicted_again_and_only_it(qtbot, folder, tmp_path):
    _run(qtbot, folder, tmp_path / "cache")
    stat = (folder / "c.png").stat()
    os.utime(folder / "c.png", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    predicted, at_once = _run(qtbot, folder, tmp_path / "cache")
    assert predicted == ["c.png"]
    assert "c.png" not in at_once and len(at_once) == 4
    assert _run(qtbot, folder, tmp_path / "cache")[0] == []  # its new prediction was kept


def test_a_changed_model_predicts_everything_again(qtbot, folder, tmp_path):
    _run(qtbot, folder, tmp_path / "cache")
    predicted, at_once = _run(qtbot, folder, tmp_path / "cache", files="weights-2")  # retrained in place
    assert predicted == ["a.png", "b.png", "c.png", "d.png", "e.png"] and at_once == {}


def test_a_damaged_cache_file_is_ignored_and_replaced(qtbot, folder, tmp_path):
    _run(qtbot, folder, tmp_path / "cache")
    (kept,) = (tmp_path / "cache").glob("*.json")
    kept.write_bytes(kept.read_bytes()[:100])  # cut short (a crash of the machine, a full disk)
    predicted, at_once = _run(qtbot, folder, tmp_path / "cache")
    assert len(predicted) == 5 and at_once == {}
    assert _run(qtbot, folder, tmp_path / "cache")[0] == []


def test_unreadable_images_are_not_kept(qtbot, folder, tmp_path):
    (folder / "broken.png").write_bytes(b"not a png")
    predicted, _ = _run(qtbot, folder, tmp_path / "cache")
    assert "broken.png" in predicted
    assert _run(qtbot, folder, tmp_path / "cache")[0] == ["broken.png"]  # tried again, the others kept


def test_the_window_opened_again_shows_every_prediction_without_running_the_model(qtbot, folder, tmp_path):
    first = KeptFactory(dict(PRED))
    for number, factory in enumerate([first, KeptFactory(dict(PRED))]):
        runs = main_window_for_a_test(qtbot, factory, tmp_path / f"run{number}")
        (tmp_path / f"run{number}").mkdir()
        window = next(runs)
        try:
            assert window.open_folder(folder, model="fake")
            wait_predictions(qtbot, window)
            model = window.session.model
            assert [model.pred_label[row] for row in range(5)] == [PRED[name].label for name in sorted(PRED)]
            predicted = [name for handle in factory.handles for call in handle.calls for name in call]
            assert len(predicted) == (5 if factory is first else 0)
        finally:
            next(runs, None)  # closed: its predictions written
