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


# config.json is untrusted: each of these raised AttributeError or TypeError out of the check, and with it
# out of VersionStore.scan (`petloc models` listed no trained version), `petloc predict` and opening a folder.
HOSTILE_CONFIGS = {
    "a list at the top": "[]",
    "config a list": '{"config": []}',
    "a layer's config a string": '{"config": {"layers": [{"name": "class", "config": "x", "class_name": "Dense"}],'
                                 ' "output_layers": [["class", 0, 0]]}}',
    "a nameless layer's config a string": '{"config": {"layers": [{"config": "x"}]}}',
    "a layer name a list": '{"config": {"layers": [{"name": ["a"], "class_name": "Dense"}],'
                           ' "output_layers": [["a", 0, 0]]}}',
    "layers a number": '{"config": {"layers": 5}}',
    "an output named by a list": '{"config": {"layers": [], "output_layers": [[["x"]]]}}',
    "an input layer's config a list": '{"config": {"layers": [{"name": "i", "class_name": "InputLayer", '
                                      '"config": [1]}], "input_layers": [["i", 0, 0]]}}',
    "JSON nested thousands deep": "[" * 100_000,
}


def _bundle_with_config(folder, config_text):
    """A bundle (2 classes, 32x32) whose model.keras is a zip holding ``config_text`` as config.json."""
    import zipfile

    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["a", "b"],
                                                  "input_size": [32, 32]}), encoding="utf-8")
    with zipfile.ZipFile(folder / "model.keras", "w") as archive:
        archive.writestr("config.json", config_text)
        archive.writestr("model.weights.h5", b"\0" * 10)
    return folder


@pytest.mark.parametrize("case", sorted(HOSTILE_CONFIGS))
def test_a_hostile_config_gives_no_verdict_and_never_raises(tmp_path, case):
    folder = _bundle_with_config(tmp_path / "v", HOSTILE_CONFIGS[case])
    assert disagreement(folder / "model.keras", "model.keras", 2, (32, 32, 3)) is None
    assert model_file_problem(folder) is None  # the loader has the last word


def test_a_zip_of_a_version_it_cannot_read_is_said_not_raised(tmp_path):
    folder = _bundle_with_config(tmp_path / "v", "{}")
    data = bytearray((folder / "model.keras").read_bytes())
    data[data.find(b"PK\x01\x02") + 6] = 66  # "version needed to extract" 6.6: NotImplementedError from zipfile
    (folder / "model.keras").write_bytes(bytes(data))
    assert model_file_problem(folder).startswith("model.keras is not a Keras archive (zip): zip file version 6.6")


def test_hostile_versions_never_hide_the_good_one(tmp_path):
    """`petloc models`, Model -> Versions and choosing a model all list by scan: one odd version beside a
    good one hid it (scan raised) or stopped them."""
    from petloc_gui.app.model_choice import candidates

    store = VersionStore(tmp_path / "models")
    good = _copy_of_digits(store.root / "digits" / "good")
    for number, case in enumerate(sorted(HOSTILE_CONFIGS)):
        _bundle_with_config(store.root / "digits" / f"odd{number}", HOSTILE_CONFIGS[case])
    deep = _bundle_with_config(store.root / "digits" / "deepmeta", "{}")
    (deep / "meta.json").write_text("[" * 100_000, encoding="utf-8")
    (deep / "version.json").write_text("[" * 100_000, encoding="utf-8")
    versions, left_out = store.scan()
    assert good in [v.path for v in versions]
    assert len(versions) + len(left_out) == len(HOSTILE_CONFIGS) + 2
    assert [folder for folder, _ in left_out] == [deep]
    assert str(good) in candidates(store)


def test_a_store_that_cannot_be_scanned_still_gives_the_bundled_models(tmp_path):
    from petloc_gui.app.model_choice import candidates

    class Broken:
        def list(self):
            raise RecursionError("maximum recursion depth exceeded")

    assert candidates(Broken()) == ["digits", "pets"]


def test_an_unexpected_error_in_one_version_lists_it_left_out_with_why(tmp_path, monkeypatch):
    """Whatever a version's check raises, scan lists it left out with why and the others as before."""
    from petloc_gui.model import versions as versions_module

    store = VersionStore(tmp_path / "models")
    good = _copy_of_digits(store.root / "digits" / "good")
    odd = _bundle_with_config(store.root / "digits" / "odd", "{}")
    real = versions_module.model_file_problem

    def check(folder):
        if folder == odd:
            raise AttributeError("'list' object has no attribute 'get'")
        return real(folder)

    monkeypatch.setattr(versions_module, "model_file_problem", check)
    versions, left_out = store.scan()
    assert [v.path for v in versions] == [good]
    assert left_out == [(odd, "unreadable: 'list' object has no attribute 'get'")]
