"""A hand-edited meta.json whose values have the wrong types: one BundleError naming the file and key
when it is read (no TensorFlow: meta.json alone)."""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.bundle import BundleError, read_meta
from petloc_gui.model.training_record import record_from_meta

GOOD = {
    "format_version": 1, "preset": "digits", "class_names": ["0", "1"], "input_size": [32, 32], "channels": 3,
    "splits": {"train": ["a.png"], "validation": ["b.png"], "test": []},
    "validation_split": {"images": ["b.png"]}, "test_split": None,
    "training_data": {"fingerprint": "abc", "excluded": []},
    "refine": {"model_file": "refine.keras", "input_size": [32, 32], "margin": 1.8, "passes": 2,
               "repass_below": 0.6, "flip_tta": False},
}


def _bundle(tmp_path, **changes):
    meta = json.loads(json.dumps(GOOD))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = meta
        for key in parents:
            target = target[key]
        target[last] = value
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.mark.parametrize("change, key", [
    ({"refine": "x"}, "refine"), ({"refine": ["x"]}, "refine"), ({"refine": 5}, "refine"),
    ({"refine__margin": "wide"}, "refine.margin"), ({"refine__passes": None}, "refine.passes"),
    ({"refine__flip_tta": "no"}, "refine.flip_tta"), ({"refine__model_file": 3}, "refine.model_file"),
    ({"channels": "3"}, "channels"), ({"channels": None}, "channels"), ({"channels": True}, "channels"),
    ({"splits": [1]}, "splits"), ({"splits__validation": 5}, "splits.validation"),
    ({"splits__test": 5}, "splits.test"), ({"splits__train": [["a.png"]]}, "splits.train"),
    ({"validation_split": 5}, "validation_split"), ({"validation_split__images": 5}, "validation_split.images"),
    ({"validation_split__images": [["b.png"]]}, "validation_split.images"),
    ({"test_split": "all"}, "test_split"),
    ({"training_data": "x"}, "training_data"), ({"training_data__root": 5}, "training_data.root"),
    ({"training_data__excluded": [1]}, "training_data.excluded"),
])
def test_a_value_of_the_wrong_type_is_one_error_naming_meta_json_and_the_key(tmp_path, change, key):
    folder = _bundle(tmp_path, **change)
    with pytest.raises(BundleError) as caught:
        read_meta(folder)
    assert caught.value.path == folder / "meta.json"
    assert caught.value.reason.startswith(f"{key} must be ")


@pytest.mark.parametrize("change", [
    {}, {"refine": None}, {"refine": False}, {"refine": {}}, {"splits": None}, {"splits__validation": None},
    {"validation_split": None}, {"validation_split__images": None}, {"training_data": None},
    {"training_data__root": None}, {"refine__margin": 2}, {"channels": 1},
])
def test_what_the_readers_take_for_absent_passes(tmp_path, change):
    meta = read_meta(_bundle(tmp_path, **change))
    record_from_meta(meta)  # and the training record reads it without an error


def test_a_missing_key_passes(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "meta.json").write_text('{"format_version": 1}', encoding="utf-8")
    assert read_meta(folder) == {"format_version": 1}


def test_a_huge_meta_json_is_refused_without_being_read_whole(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.setattr("petloc_gui.core.json_record.MAX_RECORD_BYTES", 1024 * 1024)  # 512 MB in use
    folder = _bundle(tmp_path)
    os.truncate(folder / "meta.json", 3 * 1024**3)  # sparse: 3 GB that cost no disk
    started = time.monotonic()
    with pytest.raises(BundleError) as caught:
        read_meta(folder)
    assert caught.value.path == folder / "meta.json" and "larger than 1,048,576 bytes" in caught.value.reason
    assert time.monotonic() - started < 10  # it read 3 GB (and 6 GB of memory) in 50 s before


def test_a_model_tflite_larger_than_any_flatbuffer_is_not_read(tmp_path):
    import os

    from petloc_gui.model.tflite_cache import MAX_TFLITE_BYTES, read_flatbuffer

    path = tmp_path / "model.tflite"
    path.write_bytes(b"TFL3")
    assert read_flatbuffer(path) == b"TFL3"
    os.truncate(path, MAX_TFLITE_BYTES + 1)  # sparse
    assert read_flatbuffer(path) is None  # converted instead, as when there is none
