"""The predictions kept on disk between runs: found again only for the same file and model; a damaged
file ignored and replaced; bounded; off on request."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from petloc_gui.app.file_key import file_key
from petloc_gui.app.prediction_disk_cache import (
    DISABLE_ENV,
    ModelFingerprint,
    PredictionDiskCache,
    model_fingerprint,
)
from petloc_gui.core.boxes import Box

MODEL = ModelFingerprint("/models/m", "files-1")


@dataclass(frozen=True)
class Pred:
    label: str
    confidence: float
    box: Box
    has_class: bool = True


def _images(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(name.encode())
    return [folder / name for name in names]


def _saved(root: Path, folder: Path, model=MODEL, pred=None) -> Path:
    """One run: every image of ``folder`` predicted as ``pred``, saved; returns the cache file."""
    cache = PredictionDiskCache(root)
    for path in sorted(folder.iterdir()):
        cache.put(model, file_key(path), pred or Pred("cat", 0.75, Box(1.5, 2, 30, 40.25)))
    assert cache.unsaved()
    cache.save()
    assert not cache.unsaved()
    (written,) = {cached.path for cached in cache._files.values()}
    return written


def test_a_prediction_is_found_by_the_next_run_for_the_same_file_and_model(tmp_path):
    (a, b) = _images(tmp_path / "photos", "a.jpg", "b.jpg")
    _saved(tmp_path / "cache", a.parent)
    later = PredictionDiskCache(tmp_path / "cache")
    got = later.get(MODEL, file_key(a))
    assert (got.label, got.confidence, got.box) == ("cat", 0.75, Box(1.5, 2, 30, 40.25))
    assert later.get(MODEL, file_key(b)) is not None


def test_a_changed_image_or_another_model_finds_nothing(tmp_path):
    (a, b) = _images(tmp_path / "photos", "a.jpg", "b.jpg")
    _saved(tmp_path / "cache", a.parent)
    stat = a.stat()
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # edited (its time moved on)
    later = PredictionDiskCache(tmp_path / "cache")
    assert later.get(MODEL, file_key(a)) is None
    assert later.get(MODEL, file_key(b)) is not None
    retrained = ModelFingerprint(MODEL.where, "files-2")  # the same folder, rewritten
    assert PredictionDiskCache(tmp_path / "cache").get(retrained, file_key(b)) is None
    other = ModelFingerprint("/models/other", "files-1")
    assert PredictionDiskCache(tmp_path / "cache").get(other, file_key(b)) is None


def test_a_retrained_model_replaces_the_old_models_predictions(tmp_path):
    (a,) = _images(tmp_path / "photos", "a.jpg")
    written = _saved(tmp_path / "cache", a.parent)
    retrained = ModelFingerprint(MODEL.where, "files-2")
    _saved(tmp_path / "cache", a.parent, model=retrained, pred=Pred("dog", 0.5, Box(0, 0, 1, 1)))
    assert json.loads(written.read_text())["fingerprint"] == "files-2"  # one file per folder and model
    assert PredictionDiskCache(tmp_path / "cache").get(MODEL, file_key(a)) is None
    assert PredictionDiskCache(tmp_path / "cache").get(retrained, file_key(a)).label == "dog"


def test_failures_and_predictions_with_no_class_are_not_kept(tmp_path):
    (a, b, c) = _images(tmp_path / "photos", "a.jpg", "b.jpg", "c.jpg")
    cache = PredictionDiskCache(tmp_path / "cache")
    nan = float("nan")
    cache.put(MODEL, file_key(a), ValueError("cannot decode image"))
    cache.put(MODEL, file_key(b), Pred("", nan, Box(nan, nan, nan, nan), has_class=False))
    cache.put(MODEL, file_key(c), Pred("cat", nan, Box(0, 0, 1, 1)))
    assert not cache.unsaved()
    cache.save()
    assert not (tmp_path / "cache").exists()


def test_a_damaged_cache_file_is_ignored_with_a_debug_line_and_replaced(tmp_path, caplog):
    (a,) = _images(tmp_path / "photos", "a.jpg")
    written = _saved(tmp_path / "cache", a.parent)
    good = json.loads(written.read_text())
    for damage in (b"\x00\xffgarbage", written.read_bytes()[:40], b"[1, 2]",
                   json.dumps({**good, "entries": {"a.jpg": ["x"] * 9}}).encode(),
                   json.dumps({**good, "entries": []}).encode()):
        written.write_bytes(damage)
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="petloc_gui.app.prediction_disk_cache"):
            cache = PredictionDiskCache(tmp_path / "cache")
            assert cache.get(MODEL, file_key(a)) is None, damage
        assert all(record.levelno == logging.DEBUG for record in caplog.records)
        cache.put(MODEL, file_key(a), Pred("dog", 0.5, Box(0, 0, 1, 1)))
        cache.save()
        assert PredictionDiskCache(tmp_path / "cache").get(MODEL, file_key(a)).label == "dog", damage


def test_an_unwritable_cache_folder_only_costs_speed(tmp_path):
    (a,) = _images(tmp_path / "photos", "a.jpg")
    (tmp_path / "cache").write_text("a file where the folder should be")
    cache = PredictionDiskCache(tmp_path / "cache" / "predictions")
    assert cache.get(MODEL, file_key(a)) is None
    cache.put(MODEL, file_key(a), Pred("cat", 0.5, Box(0, 0, 1, 1)))
    cache.save()  # no exception
    assert cache.get(MODEL, file_key(a)).label == "cat"  # still served from memory this run


def _kept_after_a_run(tmp_path, use_first: bool) -> list[bool]:
    """Folders one and two cached by earlier runs (one the longest unused), then a run that predicts three,
    maybe looking at one first, with room for two files: which folders still have their file."""
    root = tmp_path / "cache"
    folders = [tmp_path / name for name in ("one", "two", "three")]
    for number, folder in enumerate(folders):
        _images(folder, "a.jpg")
        if number < 2:
            os.utime(_saved(root, folder), ns=(number + 1, number + 1))
    cache = PredictionDiskCache(root, max_files=2)
    if use_first:
        assert cache.get(MODEL, file_key(folders[0] / "a.jpg")) is not None
    cache.put(MODEL, file_key(folders[2] / "a.jpg"), Pred("cat", 0.5, Box(0, 0, 1, 1)))
    cache.save()
    assert len(list(root.glob("*.json"))) == 2
    later = PredictionDiskCache(root)
    return [later.get(MODEL, file_key(folder / "a.jpg")) is not None for folder in folders]


def test_the_least_recently_used_folder_goes_first_past_the_bounds(tmp_path):
    assert _kept_after_a_run(tmp_path / "unused", use_first=False) == [False, True, True]
    assert _kept_after_a_run(tmp_path / "used", use_first=True) == [True, False, True]


def test_two_windows_on_one_folder_keep_each_others_predictions(tmp_path):
    (a, b) = _images(tmp_path / "photos", "a.jpg", "b.jpg")
    first, second = PredictionDiskCache(tmp_path / "cache"), PredictionDiskCache(tmp_path / "cache")
    assert first.get(MODEL, file_key(a)) is None and second.get(MODEL, file_key(b)) is None
    first.put(MODEL, file_key(a), Pred("cat", 0.5, Box(0, 0, 1, 1)))
    first.save()
    second.put(MODEL, file_key(b), Pred("dog", 0.5, Box(0, 0, 1, 1)))
    second.save()
    later = PredictionDiskCache(tmp_path / "cache")
    assert later.get(MODEL, file_key(a)).label == "cat" and later.get(MODEL, file_key(b)).label == "dog"


def test_the_environment_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PETLOC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(DISABLE_ENV, "1")
    cache = PredictionDiskCache.default()
    (a,) = _images(tmp_path / "photos", "a.jpg")
    cache.put(MODEL, file_key(a), Pred("cat", 0.5, Box(0, 0, 1, 1)))
    cache.save()
    assert cache.get(MODEL, file_key(a)) is None and not (tmp_path / "cache").exists()
    monkeypatch.setenv(DISABLE_ENV, "0")
    assert PredictionDiskCache.default().root == tmp_path / "cache" / "predictions"


def test_the_model_fingerprint_follows_every_file_of_the_bundle(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "model.keras").write_bytes(b"weights")
    (bundle / "meta.json").write_text("{}")
    first = model_fingerprint(bundle)
    assert first is not None and first == model_fingerprint(bundle)
    stat = (bundle / "model.keras").stat()
    os.utime(bundle / "model.keras", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    retrained = model_fingerprint(bundle)
    assert retrained.where == first.where and retrained.files != first.files
    (bundle / "refine.keras").write_bytes(b"second stage")
    assert model_fingerprint(bundle).files != retrained.files
    assert model_fingerprint(tmp_path / "absent") is None and model_fingerprint(None) is None
