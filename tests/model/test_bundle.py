"""Bundles: resolving, reading meta without TensorFlow, clear errors, atomic saves."""

from __future__ import annotations

import json

import numpy as np
import pytest

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.bundle import BundleError, load_bundle, read_meta, resolve_model
from petloc_gui.model.bundle_write import save_bundle

from .conftest import bundle_meta, constant_model


def test_round_trip_keeps_predictions(constant_bundle):
    bundle = load_bundle(constant_bundle)
    assert bundle.class_names == ["cat", "dog"] and bundle.input_size == (64, 48)
    meta = read_meta(constant_bundle)
    assert meta["format_version"] == 1 and meta["version_id"].startswith("digits-") and meta["created"]
    x = np.random.default_rng(0).uniform(0, 255, (2, 48, 64, 3)).astype(np.float32)
    reference = constant_model()
    for a, b in zip(bundle.model(x), reference(x), strict=True):
        np.testing.assert_allclose(np.asarray(a), np.asarray(b), atol=1e-6)


def test_resolve_names_and_files(tmp_path, monkeypatch, constant_bundle):
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(tmp_path / "res"))
    with pytest.raises(BundleError, match="does not exist"):
        resolve_model("pets")
    (tmp_path / "res" / "models").mkdir(parents=True)
    (tmp_path / "res" / "models" / "pets").symlink_to(constant_bundle)
    assert resolve_model("pets") == tmp_path / "res" / "models" / "pets"
    assert resolve_model(constant_bundle / "model.keras") == constant_bundle
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(BundleError, match=r"meta\.json is missing"):
        resolve_model(empty)


def test_bundle_of_another_preset_fails_clearly(constant_bundle):
    with pytest.raises(BundleError, match="'digits' model, but a 'pets' model is needed"):
        load_bundle(constant_bundle, expected_preset="pets")


def test_corrupt_keras_file_fails_clearly(constant_bundle):
    (constant_bundle / "model.keras").write_bytes(b"PK\x03\x04 truncated zip")
    with pytest.raises(BundleError, match="corrupt") as info:
        load_bundle(constant_bundle)
    assert isinstance(info.value, PetlocError)
    assert "model.keras" in str(info.value)


@pytest.mark.parametrize(
    "change, message",
    [
        ({"class_names": ["a", "b", "c"]}, "predicts 2 classes"),
        ({"input_size": [32, 32]}, "does not match"),
        ({"format_version": 99}, "unsupported bundle format"),
        ({"class_names": []}, "class_names"),
    ],
)
def test_meta_that_disagrees_with_the_model_fails(constant_bundle, change, message):
    meta = read_meta(constant_bundle)
    meta.update(change)
    (constant_bundle / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(BundleError, match=message):
        load_bundle(constant_bundle)


def test_unreadable_meta_fails_clearly(constant_bundle):
    (constant_bundle / "meta.json").write_text("{not json")
    with pytest.raises(BundleError, match=r"cannot read meta\.json"):
        read_meta(constant_bundle)


class _FailingModel:
    optimizer = None

    def save(self, path):
        raise OSError("disk full")


def test_failed_save_leaves_the_previous_bundle_intact(constant_bundle):
    before = {p.name: p.read_bytes() for p in constant_bundle.iterdir()}
    with pytest.raises(BundleError, match="disk full"):
        save_bundle(_FailingModel(), bundle_meta(), constant_bundle)
    assert {p.name: p.read_bytes() for p in constant_bundle.iterdir()} == before
    assert [p.name for p in constant_bundle.parent.iterdir()] == ["constant"]  # no temp folder left


def test_save_replaces_an_existing_bundle(constant_bundle):
    save_bundle(constant_model(input_size=(32, 32)), bundle_meta(input_size=(32, 32)), constant_bundle)
    assert load_bundle(constant_bundle).input_size == (32, 32)
    assert [p.name for p in constant_bundle.parent.iterdir()] == ["constant"]
