"""A version whose model.keras disagrees with its meta.json (the number of classes, the input size) is
listed unavailable with what disagrees, from the archive's config.json, without loading TensorFlow.

Before: it was listed usable (and chosen for a folder), then failed every load ("model predicts 10
classes but meta.json names 3" after seconds of loading, or an error box in the window).
"""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle_check import disagreement, model_file_problem
from petloc_gui.model.versions import VersionStore


def _copy_of_digits(folder, **meta_changes):
    """The bundled digits model (10 classes, 75x75x3) with its meta.json changed as given."""
    shutil.copytree(resources_dir() / "models" / "digits", folder, ignore=shutil.ignore_patterns("*.tflite"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta.update(meta_changes)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["digits", "pets"])
def test_the_bundled_models_agree_with_their_meta(name):
    assert model_file_problem(resources_dir() / "models" / name) is None  # pets: its refine.keras too


def test_a_version_whose_meta_names_other_classes_is_left_out_with_why(tmp_path):
    store = VersionStore(tmp_path / "models")
    good = _copy_of_digits(store.root / "digits" / "good")
    bad = _copy_of_digits(store.root / "digits" / "bad", class_names=["0", "1", "2"])
    versions, left_out = store.scan()
    assert [v.path for v in versions] == [good]
    assert left_out == [(bad, "model.keras predicts 10 classes but meta.json names 3 (class_names)")]


def test_a_version_whose_meta_names_another_input_size_is_left_out_with_why(tmp_path):
    folder = _copy_of_digits(tmp_path / "digits" / "v", input_size=[32, 32])
    assert model_file_problem(folder) == ("model.keras takes 75x75 images of 3 channels but meta.json says 32x32 "
                                          "of 3 (input_size, channels)")


def test_a_config_that_does_not_say_gives_no_verdict(tmp_path):
    from tests.model_files import keras_like_zip

    path = keras_like_zip(tmp_path / "model.keras")  # config.json "{}": the loader has the last word
    assert disagreement(path, "model.keras", 3, (32, 32, 3)) is None
